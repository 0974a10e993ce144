"""Personal statements section."""
