"""The Programs section: program list with transparent fit, import, season, checklist, rank list."""
