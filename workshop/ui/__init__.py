"""The thin Qt layer: shows core objects and calls core services. Nothing here is tested
without a QApplication; everything that can be is in ``workshop.core``."""
