"""`python -m finsam_desktop [DB]` starts the desktop application."""

from finsam_desktop.ui.main import main

raise SystemExit(main())
