"""The Letters section: writers, ERAS letter requests, due reminders, packets, assignments."""
