"""Reliability harnesses run by ``workshop bench`` and the test-suite (no Qt)."""
