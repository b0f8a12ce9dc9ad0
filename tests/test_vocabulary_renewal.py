"""spaCy keeps a lexeme for every word it meets: a model that has learnt more than its bound of
new words is loaded afresh, and a long-lived linter parses again with it, finding the same."""

from __future__ import annotations

import newslint.nlp as nlp_module
from newslint.analysis import Analyzer
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.nlp import generation, learnt_words, pipeline

DRAFT = (
    "The minister said on Monday that 290 kilometers (180 miles) of road had reopened.\n\n"
    'Experts say the plan is a disaster. "We will reopen it," said Ana Costa, 47.\n'
)


def lint(linter: Linter, text: str):
    results, errors = linter.lint([Source("draft.txt", text.encode(), Config())])
    assert not errors
    return results[0].diagnostics


def test_a_grown_vocabulary_is_loaded_afresh_and_the_findings_stay(monkeypatch):
    linter = Linter(Analyzer())
    before = lint(linter, DRAFT)
    components = next(iter(linter.analyzer._cache))[0]
    old = pipeline(components)
    started = generation()
    monkeypatch.setattr(nlp_module, "VOCABULARY_GROWTH", learnt_words(old.vocab) + 100)
    novel = " ".join(f"Qzxv{i}wort" for i in range(150)) + "."
    lint(linter, DRAFT + "\n" + novel + "\n")  # the vocabulary learns 150 words
    assert generation() == started
    after = lint(linter, DRAFT)  # renewed before this parse
    assert generation() == started + 1
    fresh = pipeline(components)
    assert fresh is not old and len(fresh.vocab) < len(old.vocab)
    assert all(doc.vocab is fresh.vocab for doc in linter.analyzer._cache.values())
    assert after == before == lint(Linter(Analyzer()), DRAFT)


def test_a_vocabulary_within_its_bound_is_kept():
    linter = Linter(Analyzer())
    lint(linter, DRAFT)
    started, components = generation(), next(iter(linter.analyzer._cache))[0]
    loaded = pipeline(components)
    lint(linter, DRAFT + "\nQzxvkeptwort appears once.\n")
    assert generation() == started and pipeline(components) is loaded
