"""Learner-English grammar from an offline trigram model: articles, prepositions, verb forms
and noun number (issue 21). See :mod:`detector` for the method and ``learner_lm.json`` for the
confusion sets and the margins tuned on JFLEG dev's tuning half."""
