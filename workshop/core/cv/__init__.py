"""The CV builder's core: model, dates, checks, ERAS text blocks and JSON Resume in and out.

Never imports Qt. The editor and the renderer build on :mod:`workshop.core.cv.model`.
"""
