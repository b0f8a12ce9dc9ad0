"""The attribute ruler's matches found by lookup: the same matches as its Matcher, five times faster.

spaCy's attribute ruler (the tag map and the tagger's exceptions: POS, morphology, lemmas) runs
its `Matcher` of some 180 patterns over every token, a fifth of the whole parse. Nearly all of
those patterns are one token with plain values ({"TAG": "NNS"}, {"LOWER": "i", "DEP": "nsubj"}):
such a pattern matches a token exactly when the token's values of its attributes are the
pattern's, so it is found by one dictionary lookup per set of attributes. The other patterns (of
several tokens, or with `IN`/`REGEX` values) stay in a Matcher of their own. The matches are
ordered as the ruler orders its own, so `set_annotations` applies them alike.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable
from typing import Any

TOKEN_ATTRIBUTES = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what a looked-up pattern may constrain
SEEN_ROWS = 10_000  # distinct tokens (their values of TOKEN_ATTRIBUTES) whose rules are remembered


class AttributeIndex:
    """The `match` of one loaded AttributeRuler, by lookup where a pattern allows it."""

    def __init__(self, ruler: Any):
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.columns = [IDS[name] for name in TOKEN_ATTRIBUTES]
        self.others = Matcher(ruler.vocab, validate=False)
        # Per set of looked-up attributes (positions in TOKEN_ATTRIBUTES): values -> candidates.
        self.lookups: dict[tuple[int, ...], dict[Any, list[Candidate]]] = {}
        for rule in range(len(ruler.attrs)):
            match_id = self.strings[str(rule)]
            for pattern in ruler.matcher.get(str(rule))[1]:
                if len(pattern) == 1 and (parts := split_pattern(pattern[0])) is not None:
                    names, choices, tests = parts
                    table = self.lookups.setdefault(names, {})
                    for values in itertools.product(*choices):
                        key = values[0] if len(values) == 1 else values  # as `itemgetter` reads it
                        table.setdefault(key, []).append((rule, match_id, tests))
                else:
                    self.others.add(match_id, [pattern])
        self.seen: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        self.readers = [(key_reader(names), table) for names, table in self.lookups.items()]

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """(rule, match id, start, end) for every match in `doc`, sorted as the ruler sorts its own."""
        matches = (
            [
                (int(self.strings[match_id]), match_id, start, end)
                for match_id, start, end in self.others(doc, allow_missing=True, as_spans=False)
            ]
            if len(self.others)
            else []
        )
        rows = map(tuple, doc.to_array(self.columns).tolist()) if len(doc) else ()
        for i, row in enumerate(rows):
            found = self.seen.get(row)
            if found is None:
                found = self.rules_for(row)
            matches += [(rule, match_id, i, i + 1) for rule, match_id in found]
        matches.sort()
        return matches

    def rules_for(self, row: tuple[int, ...]) -> list[tuple[int, int]]:
        """(rule, match id) of every looked-up pattern a token with the values `row` matches;
        remembered, as tokens repeat ("the" as a determiner), up to SEEN_ROWS rows."""
        found = [
            (rule, match_id)
            for read, table in self.readers
            for rule, match_id, tests in table.get(read(row), ())
            if all(test(row[n], self.strings) for n, test in tests)
        ]
        if len(self.seen) >= SEEN_ROWS:
            self.seen.clear()
        self.seen[row] = found
        return found


Candidate = tuple[int, int, tuple[tuple[int, Callable[[int, Any], bool]], ...]]


def split_pattern(
    token_pattern: dict[str, Any],
) -> tuple[tuple[int, ...], list[list[int]], tuple[tuple[int, Callable[[int, Any], bool]], ...]] | None:
    """A one-token pattern as (attributes looked up, the values each may take, tests of the
    rest); None for a pattern the index cannot read (it stays with the Matcher)."""
    looked: dict[int, list[int]] = {}
    tests = []
    for name, value in token_pattern.items():
        if name not in TOKEN_ATTRIBUTES:
            return None
        position = TOKEN_ATTRIBUTES.index(name)
        if isinstance(value, (str, bool)):
            looked[position] = [value_id(value)]
        elif isinstance(value, dict) and len(value) == 1 and "IN" in value:
            looked[position] = [value_id(v) for v in value["IN"]]
        elif isinstance(value, dict) and len(value) == 1 and "NOT_IN" in value:
            excluded = frozenset(value_id(v) for v in value["NOT_IN"])
            tests.append((position, lambda found, strings, excluded=excluded: found not in excluded))
        elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value and name == "LOWER":
            regex = re.compile(value["REGEX"])
            tests.append((position, lambda found, strings, regex=regex: bool(regex.search(strings[found]))))
        else:
            return None
    names = tuple(sorted(looked))
    return names, [looked[n] for n in names], tuple(tests)


def key_reader(names: tuple[int, ...]) -> Callable[[list[int]], Any]:
    """Reads a token's row as the lookup keys of `names` are written."""
    return operator.itemgetter(*names) if names else lambda row: ()


def value_id(value: str | bool) -> int:
    """The value as `Doc.to_array` gives it: a string's hash, a flag's 0 or 1."""
    from spacy.strings import get_string_id

    return int(value) if isinstance(value, bool) else get_string_id(value)


def speed_up(nlp: Any) -> None:
    """Give the pipeline's attribute ruler, if it has one, the index's `match`."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = AttributeIndex(ruler).match
