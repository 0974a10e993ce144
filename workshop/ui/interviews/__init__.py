"""The Interviews section: invitations, dates in two time zones, the communication log,
letters that follow each program's policy, impressions, the NRMP rules, and SOAP preparation."""
