"""Grammar and spelling engines behind one protocol (Harper, LanguageTool, a null engine)."""

from workshop.core.checks.engines.base import Availability, Engine, NullEngine

__all__ = ["Availability", "Engine", "NullEngine"]
