"""PyInstaller entry script of the `finsam` program (the command line, no Qt)."""

from finsam_desktop.cli import main

raise SystemExit(main())
