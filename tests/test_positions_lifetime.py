"""The per-Doc sentence and entity indexes live as long as their Doc, and no longer."""

from __future__ import annotations

import gc
import weakref

import spacy

from newslint.positions import entities, sentences


def test_an_indexed_doc_is_freed_when_nothing_else_holds_it():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("The council met. It said the road would reopen.")
    assert [s.text for s in sentences(doc).spans] == ["The council met.", "It said the road would reopen."]
    assert sentences(doc) is sentences(doc) and entities(doc) is entities(doc)
    alive = weakref.ref(doc)
    del doc
    gc.collect()
    assert alive() is None
