"""Moved to `newslint.analysis.alignment`; this name stays for `checks/figures.py`."""

from newslint.analysis.alignment import date_ranges  # noqa: F401
