"""Interview drills: the question bank, timers, spaced repetition, sessions and progress.

Pure Python (no Qt). The UI and the CLI call into these modules; the database tables they need
are in :mod:`workshop.core.drills.schema`.
"""
