"""Score each closed-class word against its alternatives with the trigram model.

For every article, preposition, verb and noun the sentence as written is compared with each
variant from :mod:`alternatives` over the only words whose trigram probability changes (the
replaced word and the two after it). A variant that beats the original by more than its class's
margin (log10 units, tuned on the tuning half of JFLEG dev) becomes a finding with the variant as
the one-click fix. Punctuation and numbers break the text into runs the model scores apart (it
was trained without punctuation); words it does not know (names, drugs, abbreviations) carry no
weight, and words in the clinical list or the user's dictionary are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from workshop.core.checks.finding import Finding
from workshop.core.checks.learner.alternatives import allowed, alternatives, config
from workshop.core.checks.learner.ngram import SENTENCE_END, SENTENCE_START, LanguageModel
from workshop.core.checks.rules.lexicon import Token, tokens

ENGINE_NAME = "learner-lm"
#: One sentence with an error of each class, checked at warm-up to fill the caches.
WARM_TEXT = "He have went to an clinic for discuss about two patient."
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_SAME_WORD_KINDS = frozenset({"noun-number", "verb-form"})


@dataclass(frozen=True)
class Candidate:
    """The best variant for one word, with how much likelier the model finds it (log10)."""

    kind: str
    start: int
    end: int
    original: str
    replacement: str
    gain: float
    #: Offset of the word the variant replaces (a deletion's span may start before it).
    at: int = -1
    #: log10 P(replacement) - log10 P(original) on their own: how much of the gain is only
    #: that the replacement is a commoner word (0 for a deletion).
    prior: float = 0.0
    #: log10 probability of the original's window (the word and the two after it): only an
    #: improbable original is worth questioning (``margins["floor"]``).
    before: float = 0.0


@dataclass(frozen=True)
class _Run:
    """Words between punctuation: model words (with <s>/</s>) and their tokens."""

    words: list[str]
    tokens: list[Token | None]


def _model_word(token: Token, sentence_start: bool) -> str:
    """What the model sees: lowercase, except names and acronyms stay as written (unknown)."""
    text = token.text
    if text == "I" or text.startswith(("I'", "I’")):
        return token.lower
    if text.isupper() and len(text) > 1:
        return text
    if token.capitalised and not sentence_start:
        return text
    return token.lower


def _joined(toks: list[Token]) -> list[Token]:
    """Hyphenated compounds as one word ("community-acquired"): unknown to the model, so they
    cut the history instead of ending the run (the model would read "with community" as the
    end of a sentence and prefer dropping "with")."""
    out: list[Token] = []
    for token in toks:
        if out and token.is_word and len(out) >= 2 and out[-1].text == "-":
            hyphen, first = out[-1], out[-2]
            if first.is_word and first.end == hyphen.start and hyphen.end == token.start:
                out[-2:] = [
                    Token(
                        first.text + "-" + token.text,
                        first.lower + "-" + token.lower,
                        first.start,
                        token.end,
                    )
                ]
                continue
        out.append(token)
    return out


def _runs(toks: list[Token]) -> list[_Run]:
    runs: list[_Run] = []
    current: list[Token] = []
    starts_sentence = True
    for token in [*toks, None]:
        if token is not None and token.is_word:
            current.append(token)
            continue
        if current:
            ends = token is None or token.text in _SENTENCE_ENDS
            words = [_model_word(t, starts_sentence and i == 0) for i, t in enumerate(current)]
            run_tokens: list[Token | None] = list(current)
            if starts_sentence:
                words.insert(0, SENTENCE_START)
                run_tokens.insert(0, None)
            if ends:
                words.append(SENTENCE_END)
                run_tokens.append(None)
            runs.append(_Run(words, run_tokens))
            current = []
        if token is not None:
            starts_sentence = token.text in _SENTENCE_ENDS
    return runs


def candidates(
    text: str,
    model: LanguageModel,
    protected: frozenset[str] = frozenset(),
    floor: float = float("inf"),
) -> list[Candidate]:
    """Every variant of every word that beats the original (gain > 0), to be :func:`select`-ed."""
    found: list[Candidate] = []
    toks = _joined(tokens(text))
    index = {t.start: i for i, t in enumerate(toks)}
    for run in _runs(toks):
        words = run.words
        for i, token in enumerate(run.tokens):
            if token is None:
                continue
            # A listed clinical word or a user's word may change number or form ("two
            # patient" → "patients": the same word), never become another word.
            same_word_only = token.lower in protected
            word = words[i]
            if word != token.lower or not model.known(word):
                continue
            if i + 1 >= len(words) or not model.known(words[i + 1]):
                continue  # before an unknown word (or a comma) only the left side would vote
            before = model.score(words, i, i + 3)
            if before > floor:
                continue  # a likely original: :func:`select` would drop its variants anyway
            for alt in alternatives(word):
                if same_word_only and alt.kind not in _SAME_WORD_KINDS:
                    continue
                if not allowed(alt.kind, words[i - 1] if i else ""):
                    continue
                if any(not model.known(w) for w in alt.words):
                    continue
                variant = words[:i] + list(alt.words) + words[i + 1 :]
                gain = model.score(variant, i, i + len(alt.words) + 2) - before
                if gain > 0:
                    cand = _candidate(text, toks, index[token.start], alt.kind, alt.words, gain)
                    prior = 0.0
                    if alt.words:
                        prior = model.score(alt.words, 0, 1) - model.score([word], 0, 1)
                    cand = replace(cand, prior=prior, before=before)
                    found.append(cand)
    return found


def _candidate(
    text: str, toks: list[Token], index: int, kind: str, words: tuple[str, ...], gain: float
) -> Candidate:
    token = toks[index]
    if words:
        replacement = " ".join(words)
        if token.text[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        return Candidate(kind, token.start, token.end, token.text, replacement, gain, token.start)
    # Deleting a word: take the space after it (or before it, at the end) with it.
    if index + 1 < len(toks) and toks[index + 1].is_word:
        end = toks[index + 1].start
        return Candidate(kind, token.start, end, text[token.start : end], "", gain, token.start)
    start = toks[index - 1].end if index > 0 else token.start
    return Candidate(kind, start, token.end, text[start : token.end], "", gain, token.start)


def margin_key(cand: Candidate) -> str:
    """Deleting a word has its own margin: fewer words always score higher in an n-gram model."""
    return f"{cand.kind}-delete" if not cand.replacement else cand.kind


def select(found: Iterable[Candidate], margins: Mapping[str, float]) -> list[Candidate]:
    """Per word the variant furthest over its margin; of two touching words the stronger.

    ``margins["prior"]`` discounts the part of a gain that is only word frequency;
    ``margins["floor"]`` leaves alone an original whose window is likelier than that.
    """
    best: dict[int, tuple[float, Candidate]] = {}
    weight = margins.get("prior", 0.0)
    floor = margins.get("floor", float("inf"))
    for cand in found:
        if cand.before > floor:
            continue
        over = cand.gain - weight * cand.prior - margins.get(margin_key(cand), float("inf"))
        if over > 0 and (cand.at not in best or over > best[cand.at][0]):
            best[cand.at] = (over, cand)
    kept: list[Candidate] = []
    for _over, cand in sorted(best.values(), key=lambda item: -item[0]):
        if any(cand.start <= k.end + 1 and k.start <= cand.end + 1 for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def to_finding(cand: Candidate) -> Finding:
    """The finding the issues panel shows: what, why, and the variant as the fix."""
    meta = config()["messages"][cand.kind]
    what = (
        f"“{cand.original.strip()}” may not be needed here."
        if not cand.replacement
        else f"“{cand.replacement}” may fit better than “{cand.original}” here."
    )
    return Finding(
        rule=f"learner.{cand.kind}",
        category="grammar",
        severity="warning",
        message=f"{meta['title']}: {what} {meta['explanation']}",
        start=cand.start,
        end=cand.end,
        suggestions=(cand.replacement,),
        engine=ENGINE_NAME,
        source="Trigram language model (CMU Sphinx en-us) over closed-class alternatives",
    )


def default_margins() -> dict[str, float]:
    """Per-class margins from ``learner_lm.json``."""
    return {k: float(v) for k, v in config()["margins"].items()}
