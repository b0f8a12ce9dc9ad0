"""The attribute ruler's index finds exactly the matches of the ruler's own Matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.attribute_index import AttributeIndex, split_pattern
from newslint.nlp import components_for, pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Text for the ruler's exceptions: contractions, reductions, pronoun cases, expletives, spaces.
EXCEPTIONS = (
    "I ain't gonna say it, y'all. Let's go, c'mon. You gotta see it: they gave it to me and you. "
    "There's nothin' left, but it isn't over. Whether or not we're ready, I'm here and I've won.  \n"
    "She'd done it; had she? What do you want? That which is said. He does, doesn't he?"
)


@pytest.fixture(scope="module")
def nlp():
    return pipeline(components_for(["lemmas", "parse"]))


def texts() -> list[str]:
    return [EXCEPTIONS, *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))]


def test_the_index_finds_the_rulers_matches(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    index = AttributeIndex(ruler)
    own = type(ruler).match  # the ruler's Matcher, not the index the pipeline was given
    for doc in nlp.pipe(texts(), disable=["attribute_ruler", "lemmatizer"]):
        assert index.match(doc) == own(ruler, doc)
    assert len(index.others) < 15  # most patterns are looked up, not matched


def test_the_loaded_pipeline_uses_the_index(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.match.__self__.__class__ is AttributeIndex
    doc = nlp("I ain't gonna do it.")
    assert [t.lemma_ for t in doc][:4] == ["I", "be", "not", "go"]


@pytest.mark.parametrize(
    "pattern",
    [{"LOWER": "a", "OP": "?"}, {"ORTH": "A"}, {"LOWER": {"FUZZY": "a"}}, {"TAG": {"IN": ["NN"], "NOT_IN": ["X"]}}],
)
def test_patterns_the_index_cannot_read_stay_with_the_matcher(pattern):
    assert split_pattern(pattern) is None
