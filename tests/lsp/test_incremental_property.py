"""After any sequence of edits, what the server publishes equals a from-scratch lint of the final text.

Drives the server's own pieces in-process: the document store (incremental sync, in every
position encoding) and one long-lived engine whose analysis cache carries over between edits.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.analysis import Analyzer
from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter
from newslint.lsp.linting import lint_open_document
from newslint.lsp.store import DocumentStore

URI = "file:///newsroom/draft.md"
START = (
    "# Bridge costs\n\n"
    "Experts say the bridge will allegedly cost $4 million more.\n\n"
    "The road runs 290 kilometers (180.198 miles) from Kiev, the minister said on Monday.\n\n"
    '"We will finish it," said Anna Petrova, who leads the project. 😀\n'
)
PIECES = [
    "",
    " ",
    "\n\n",
    "Experts say",
    "allegedly ",
    "290 kilometers (180.198 miles)",
    "Kiev",
    "Kyiv",
    "more than 1,000 people",
    "1,000 people",
    "😀",
    "é",
    "<!-- newslint: ignore NL405 -->\n",
    "The minister said on Monday, March 3, 2025, that it was late.",
    # Makes a paragraph long enough to be parsed a sentence at a time.
    " Officials said 1,200 containers crossed. Lt. Col. Berg agreed. " * 6,
]
LONG_LIVED = Linter()


@st.composite
def edits(draw):
    """A list of (start fraction, end fraction, replacement) edits, applied to whatever text is there."""
    count = draw(st.integers(1, 4))
    return [
        (draw(st.floats(0, 1)), draw(st.floats(0, 1)), draw(st.sampled_from(PIECES)), draw(st.booleans()))
        for _ in range(count)
    ]


def change_for(text: str, edit, encoding: str):
    """An LSP content change (as the client sends it) and the text it should leave."""
    a, b, piece, whole = edit
    if whole:
        new = text[: int(a * len(text))] + piece
        return SimpleNamespace(text=new), new
    start, end = sorted((int(a * len(text)), int(b * len(text))))
    positions = Document("", text, text, [])
    (sl, sc), (el, ec) = positions.lsp_position(start, encoding), positions.lsp_position(end, encoding)
    span = SimpleNamespace(start=SimpleNamespace(line=sl, character=sc), end=SimpleNamespace(line=el, character=ec))
    return SimpleNamespace(range=span, text=piece), text[:start] + piece + text[end:]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), encoding=st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_published_diagnostics_equal_a_fresh_lint_of_the_final_text(data, encoding):
    store = DocumentStore()
    store.open(URI, START, 0)
    expected = START
    config = Config()
    for version, edit in enumerate(data.draw(edits()), start=1):
        change, expected = change_for(store.get(URI).text, edit, encoding)
        document = store.change(URI, [change], version, encoding)
        assert document.text == expected
        published = lint_open_document(LONG_LIVED, document, config, None, encoding, 0)
    fresh = lint_open_document(Linter(Analyzer()), document, config, None, encoding, 0)
    assert published.diagnostics == fresh.diagnostics
    assert published.fix_all == fresh.fix_all and published.result_id == fresh.result_id
