"""Residency Application Workshop: an offline desktop workshop for residency applicants."""

__version__ = "0.1.0"
APP_NAME = "Residency Application Workshop"
APP_ID = "residency-workshop"
