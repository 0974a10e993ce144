"""The Harper linters we turn off, and why (resources/checks/harper_config.json)."""

from __future__ import annotations

from workshop.core.checks.engines.harper_engine import HarperEngine, default_disabled
from workshop.core.checks.finding import LANGUAGE_CATEGORIES
from workshop.core.checks.service import CheckService
from workshop.core.resources import resource

LONG_WITH_TYPO = (
    "It is true that consumers preffer to buy a product that has a lower price, but when "
    "international companies that are already certified begin to sell in the market, people "
    "will prefer their goods because the difference between prices is not going to affect "
    "them very much at all in the end."
)


def test_config_names_real_linters_with_reasons(harper_engine: HarperEngine) -> None:
    disabled = default_disabled()
    assert "LongSentences" in disabled
    known = dict(harper_engine._ensure_linter().get_default_lint_config())
    for name in disabled:
        assert name in known, f"{name} is not a Harper linter"


def test_long_sentence_keeps_its_spelling_finding(harper_engine: HarperEngine) -> None:
    """With LongSentences on, Harper dropped every lint overlapping the long sentence."""
    found = harper_engine.check(LONG_WITH_TYPO)
    assert any(f.category == "spelling" and f.excerpt == "preffer" for f in found)


def test_disabled_rules_can_be_overridden() -> None:
    engine = HarperEngine(disabled_rules=())
    config = dict(engine._ensure_linter().get_lint_config())
    assert config.get("LongSentences") in (None, True)


def test_sample_statement_has_no_new_language_warnings(harper_service: CheckService) -> None:
    """The config and our rules add no spelling/grammar warning to well-written English.

    The sample's known warnings are a Cairo district (Shubra) and 'readmissions', which Harper
    flags with its default settings too; British spellings are advice, not warnings.
    """
    text = resource("sample", "statement_internal_medicine.txt").read_text(encoding="utf-8")
    warnings = {
        f.excerpt or text[f.start : f.end]
        for f in harper_service.check(text).findings
        if f.category in LANGUAGE_CATEGORIES and f.severity != "advice"
    }
    assert warnings <= {"Shubra", "readmissions"}
