"""Choosing engines by name ("auto", "harper", "languagetool", "none").

"auto" means Harper, plus LanguageTool when it is available (a server URL was set or a local
install exists); LanguageTool's absence is normal and only reported, never an error.

The learner-English engine (articles, prepositions, verb forms, noun number from a trigram
model; issue 21) joins "auto" and "harper" when ``learner_grammar=True`` (the setting a
Preferences switch maps to). It is off by default: on the held-out half of JFLEG dev it added
less recall than false flags (see ``resources/checks/learner_lm.json``). Switched on without its
optional model package it stays in the list as "off", so the status bar can say why, and finds
nothing. The Link Grammar hint joins them only where
its optional parser imports; elsewhere it is not mentioned at all.
"""

from __future__ import annotations

from workshop.core.checks.engines import linkgrammar_engine
from workshop.core.checks.engines.base import Engine, NullEngine
from workshop.core.checks.engines.harper_engine import HarperEngine
from workshop.core.checks.engines.languagetool_engine import LanguageToolEngine
from workshop.core.checks.service import CheckService
from workshop.core.errors import UserError

ENGINE_CHOICES = ("auto", "harper", "languagetool", "none")


def build_engines(
    engine: str = "auto",
    lt_server_url: str = "",
    dialect: str = "american",
    learner_grammar: bool = False,
) -> list[Engine]:
    """Engines for ``engine``, most trusted first (the learner engine last: least trusted).

    Raises:
        UserError: an unknown name, or "languagetool" asked for explicitly but not available.
    """
    if engine not in ENGINE_CHOICES:
        raise UserError(
            f"Unknown engine '{engine}'.", hint=f"Choose one of: {', '.join(ENGINE_CHOICES)}."
        )
    if engine == "none":
        return [NullEngine()]
    harper = HarperEngine(dialect=dialect)
    languagetool = LanguageToolEngine(server_url=lt_server_url)
    learner: list[Engine] = []
    if learner_grammar:  # imported only when switched on: its detector and tables cost ~8 ms
        from workshop.core.checks.engines.learner_engine import LearnerEngine

        learner.append(LearnerEngine())
    learner += linkgrammar_engine.build()  # only where the optional parser is installed
    if engine == "harper":
        return ([harper] if harper.availability().ok else [NullEngine()]) + learner
    if engine == "languagetool":
        state = languagetool.availability()
        if not state.ok:
            raise UserError(state.message, hint=state.how_to_enable)
        return [languagetool]
    engines: list[Engine] = []
    if harper.availability().ok:
        engines.append(harper)
    if languagetool.availability().ok:
        engines.append(languagetool)
    return (engines or [NullEngine()]) + learner


def build_service(
    engine: str = "auto",
    lt_server_url: str = "",
    dialect: str = "american",
    learner_grammar: bool = False,
) -> CheckService:
    """A :class:`CheckService` over :func:`build_engines` (not warmed: call ``warm()``)."""
    return CheckService(build_engines(engine, lt_server_url, dialect, learner_grammar))
