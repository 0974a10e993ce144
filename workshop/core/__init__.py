"""Pure-Python core: never imports Qt (tests/core/test_no_qt.py enforces it)."""
