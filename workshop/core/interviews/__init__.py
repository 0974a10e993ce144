"""Interview invitations, scheduled dates in their time zones, the communication log, letters
that follow each program's policy, conflicts, .ics import/export, impressions, and SOAP
preparation (issue 17)."""
