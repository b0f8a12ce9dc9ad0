"""Facts are cached per paragraph: after any sequence of edits, a linter that has linted every
earlier version reports exactly what a fresh linter reports for the final text, and an edit
re-extracts only the paragraphs it touched."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.analysis import Analyzer
from newslint.analysis.relocation import relocated
from newslint.analysis.repeats import Repeat
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.inspection import FULL_ANALYSIS, fact_kinds
from newslint.readers import read_document
from newslint.registry import all_rules

EVERY_RULE = Config(select=tuple(all_rules()))

# Paragraphs that give every kind of fact, with quotations that open in one paragraph and
# close in another, Markdown that masks text, headings, datelines, pronoun sources and ages.
PARAGRAPHS = [
    "# Port Traffic Doubles",
    "NAJIN, North Korea, March 5, 2024 (Reuters) - Officials said on Tuesday, March 5, that 1,000 containers had passed.",
    "More than 1,000 containers crossed the 290-kilometre (180-mile) road, he said.",
    "Experts say the plan is a disaster. Prices rose from 64 to 80, a 20% increase.",
    '"We will reopen the road," said Ana Costa, 47, the port director. "It will take time.',
    'It will take a week," she added, speaking in Kiev.',
    "The 49-year-old Costa said 1,200 containers crossed, allegedly without checks.",
    "Temperatures reached 40 degrees, and the the crew of about 60 people left Kyiv.",
    "Officials said the `config.yaml` the plan <!-- note --> was approved on 31 February.",
    "Kim Jong-un met Kim Jong Un's envoy at Rason, according to state media.",
    "The sprawling, unprecedented and deeply contested proposal, which critics in several "
    "countries have described as reckless and which supporters have defended as overdue, "
    "would, according to people familiar with the matter, reshape trade across the region.",
    "> A quoted block that the reader masks as a quotation, with 12 miles (19 km) in it.",
    # Long enough to be parsed a sentence at a time: an edit to it re-parses one sentence.
    "Mr. Costa said the port handled 1,000 containers last year. Officials said 1,200 crossed. "
    '"We will reopen the road. It will take time," said Ana Costa, the port director. '
    "Experts say the plan is a disaster, and Lt. Col. Berg agreed on Monday, March 4, 2024. "
    "The road runs 290 kilometres (180 miles) from Najin to Rason, he said, according to state media. "
    "Temperatures reached 40 degrees in Kiev, where Kim Jong-un met the envoy. "
    "Prices rose from 64 to 80, a 20% increase, and 12 shops closed in the the city centre. "
    "The council, which met on Tuesday, said it would publish its own figures next week. "
    "Nobody at the port would comment.",
]
EDITS = st.one_of(
    st.tuples(st.just("replace"), st.integers(0, 20), st.sampled_from(PARAGRAPHS)),
    st.tuples(st.just("insert"), st.integers(0, 20), st.sampled_from(PARAGRAPHS)),
    st.tuples(st.just("delete"), st.integers(0, 20), st.just("")),
    st.tuples(st.just("append"), st.integers(0, 20), st.sampled_from([" It said more.", ' "', " 35%.", "x"])),
    st.tuples(st.just("split"), st.integers(0, 20), st.just("")),
    st.tuples(st.just("merge"), st.integers(0, 20), st.just("")),
)


def edited(paragraphs: list[str], edit: tuple[str, int, str]) -> list[str]:
    kind, at, text = edit
    paragraphs = list(paragraphs)
    i = at % (len(paragraphs) + (kind == "insert")) if paragraphs or kind == "insert" else 0
    if kind == "insert":
        paragraphs.insert(i, text)
    elif not paragraphs:
        return paragraphs
    elif kind == "replace":
        paragraphs[i] = text
    elif kind == "delete":
        del paragraphs[i]
    elif kind == "append":
        paragraphs[i] += text
    elif kind == "merge":
        paragraphs[i : i + 2] = [" ".join(paragraphs[i : i + 2])]
    else:
        words = paragraphs[i].split(" ")
        middle = len(words) // 2
        paragraphs[i : i + 1] = [" ".join(words[:middle]), " ".join(words[middle:])]
    return paragraphs


def lint(linter: Linter, paragraphs: list[str], path: str):
    text = "\n\n".join(paragraphs) + "\n"
    results, errors = linter.lint([Source(path, text.encode(), EVERY_RULE)])
    assert not errors
    return results[0].diagnostics


def facts(analyzer: Analyzer, paragraphs: list[str], path: str) -> dict[str, list]:
    """Every kind of fact of the text, from `analyzer`."""
    document = read_document(path, ("\n\n".join(paragraphs) + "\n").encode())
    analysis = analyzer.analyze([document], FULL_ANALYSIS)[0]
    return {kind: analysis.facts(kind) for kind in fact_kinds()}


CACHED = Linter(Analyzer())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6),
    edits=st.lists(EDITS, min_size=1, max_size=4),
    path=st.sampled_from(["draft.txt", "draft.md"]),
)
def test_cached_lint_after_edits_equals_a_fresh_lint(start, edits, path):
    paragraphs = start
    lint(CACHED, paragraphs, path)
    facts(CACHED.analyzer, paragraphs, path)
    for edit in edits:
        paragraphs = edited(paragraphs, edit)
        lint(CACHED, paragraphs, path)
        facts(CACHED.analyzer, paragraphs, path)
    assert lint(CACHED, paragraphs, path) == lint(Linter(Analyzer()), paragraphs, path)
    assert facts(CACHED.analyzer, paragraphs, path) == facts(Analyzer(), paragraphs, path)


def test_an_edit_extracts_only_the_paragraph_it_touched(monkeypatch):
    import newslint.analysis.repeats as repeats

    seen: list[str] = []
    original = repeats.paragraph

    def counted(analysis, pa):
        seen.append(analysis.document.text[pa.paragraph.start : pa.paragraph.end])
        return original(analysis, pa)

    monkeypatch.setattr(repeats, "paragraph", counted)
    linter = Linter(Analyzer())
    paragraphs = [f"Paragraph {i} says the the same thing." for i in range(6)]
    first = lint(linter, paragraphs, "draft.txt")
    assert len(seen) == 6
    seen.clear()
    paragraphs[2] = "A longer second paragraph now says the the same thing again."
    second = lint(linter, paragraphs, "draft.txt")
    assert seen == [paragraphs[2]]
    nl503 = [d for d in second if d.code == "NL503"]
    assert len(nl503) == 6
    # the paragraphs after the edit moved: their cached facts moved with them
    text = "\n\n".join(paragraphs) + "\n"
    assert all(text[d.start : d.end] == "the the" for d in nl503)
    assert len([d for d in first if d.code == "NL503"]) == 6


def test_relocation_moves_offsets_only():
    fact = Repeat(10, 17, "the", "the", None, False, 13, 17)
    moved = relocated([(fact, True)], 5)
    assert moved == [(Repeat(15, 22, "the", "the", None, False, 18, 22), True)]
    assert relocated([fact], 0)[0] is fact


def test_a_paragraph_pushed_out_of_the_lead_is_read_again():
    first = "officials unveil an alarming plan to rebuild the port and the roads around it before winter"
    body = "Officials said the port would reopen."
    analyzer = Analyzer()
    assert facts(analyzer, [first, body], "draft.txt")["furniture"]  # the headline
    after = facts(analyzer, [body, first, body], "draft.txt")
    assert after == facts(Analyzer(), [body, first, body], "draft.txt")
    assert not after["furniture"]


def test_every_fact_is_frozen():
    import dataclasses
    import inspect

    from newslint.analysis import extractor

    for kind in fact_kinds():
        module = extractor(kind)
        for name, value in vars(module).items():
            if inspect.isclass(value) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                assert value.__dataclass_params__.frozen, f"{kind}.{name} must be frozen: cached facts are shared"


def test_a_memory_zone_frees_the_text_it_parsed_and_keeps_the_findings():
    """Linting inside `Analyzer.transient` forgets that text's Docs, facts and strings, keeps the Docs
    parsed before it, and a later zone finds exactly what a fresh linter finds."""
    from newslint.nlp import _loaded

    linter = Linter(Analyzer())
    before = Source("before.txt", ("\n\n".join(PARAGRAPHS[:3]) + "\n").encode(), EVERY_RULE)
    linter.lint([before])
    cached, stored = set(linter.analyzer._cache), linter.analyzer.store.keys()
    vocab = next(iter(_loaded.values()))[0].vocab
    strings = len(vocab.strings)
    text = "\n\n".join(PARAGRAPHS[3:]) + "\nZyxqwv Plonkhurst visited Brazill.\n"
    drafts = [Source(f"d{i}.txt", text.encode(), EVERY_RULE) for i in range(2)]
    with linter.analyzer.transient():
        first = linter.lint(drafts[:1])[0]
    assert set(linter.analyzer._cache) == cached
    assert linter.analyzer.store.keys() == stored
    assert len(vocab.strings) == strings
    with linter.analyzer.transient():
        second = linter.lint(drafts[1:])[0]
    fresh = Linter(Analyzer()).lint(drafts[1:])[0]
    assert [d.diagnostics for d in second] == [d.diagnostics for d in fresh]
    assert [(d.code, d.start) for d in first[0].diagnostics] == [(d.code, d.start) for d in second[0].diagnostics]
