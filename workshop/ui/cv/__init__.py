"""The CV editor page and its parts."""
