"""Programs the applicant is considering: model, storage, import/export, fit and ranking.

This is the one programs model of the app; the letters assignment matrix and the statements'
"wrong program named" check read the same :class:`~workshop.core.programs.model.Program`.
"""
