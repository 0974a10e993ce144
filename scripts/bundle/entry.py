"""What the bundled executables run: the same entry point as the `workshop` command."""

from workshop.cli import main

raise SystemExit(main())
