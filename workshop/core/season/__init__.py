"""The application season: dated events with sources, the user's own dates, .ics export and
the IMG checklist."""
