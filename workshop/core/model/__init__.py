"""Plain dataclasses shared by storage, services, CLI and UI."""
