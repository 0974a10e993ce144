"""Statement checking: engines (Harper, LanguageTool), residency rules, counters.

Start with :func:`build_service` (or :class:`CheckService` with engines you built), call
``warm()`` on a worker thread, then ``check(text, context, user_words, ignored)``.
"""

from workshop.core.checks.engines.base import Availability, Engine, NullEngine
from workshop.core.checks.factory import ENGINE_CHOICES, build_engines, build_service
from workshop.core.checks.finding import CATEGORIES, SEVERITIES, Finding
from workshop.core.checks.rules.eras_safe import make_eras_safe
from workshop.core.checks.rules.length import eras_char_count
from workshop.core.checks.rules.meta import RuleContext, RuleMeta, all_rules
from workshop.core.checks.service import CheckResult, CheckService
from workshop.core.checks.stats import Stats, compute_stats

__all__ = [
    "CATEGORIES",
    "ENGINE_CHOICES",
    "SEVERITIES",
    "Availability",
    "CheckResult",
    "CheckService",
    "Engine",
    "Finding",
    "NullEngine",
    "RuleContext",
    "RuleMeta",
    "Stats",
    "all_rules",
    "build_engines",
    "build_service",
    "compute_stats",
    "eras_char_count",
    "make_eras_safe",
]
