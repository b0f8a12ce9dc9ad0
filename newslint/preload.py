"""Imported once by the process that `--jobs` workers fork from, so that each starts with spaCy
(without its command line) and the engine already imported."""

from newslint import parallel  # noqa: F401
from newslint.nlp import import_spacy

import_spacy()
