"""SQLite workspace: one file per applicant, WAL, versioned migrations, backups, a lock."""

from workshop.core.storage.workspace import Workspace, create_workspace, open_workspace

__all__ = ["Workspace", "create_workspace", "open_workspace"]
