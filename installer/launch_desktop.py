"""PyInstaller entry script of the `finsam-desktop` program (the desktop app)."""

from finsam_desktop.ui.main import main

raise SystemExit(main())
