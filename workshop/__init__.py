"""Residency Application Workshop: an offline desktop workshop for residency applicants."""

__version__ = "0.1.0"
APP_NAME = "Residency Application Workshop"
APP_ID = "residency-workshop"
#: The desktop-integration id (reverse DNS, as AppStream wants): the .desktop and metainfo files
#: in resources/desktop/ carry this name, and Qt reports it to the desktop (Wayland app id).
DESKTOP_ID = "org.residencyworkshop.ResidencyWorkshop"
