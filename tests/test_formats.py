"""Every output format: the DESIGN.md JSON schema, valid SARIF 2.1.0, GitHub annotations, LSP."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newslint.diagnostics import Diagnostic, Edit, FileResult, Fix, Related, Severity
from newslint.formats import FORMATS, render
from newslint.readers import read_document
from tests.conftest import ROOT, out, run_cli

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())


def sample_results() -> list[FileResult]:
    """A diagnostic with a fix and a related location in another file, after an emoji."""
    draft = read_document("drafts/a.md", "🔥 Crews said the the road, 290 miles away.\n".encode())
    source = read_document("wire/b.txt", b"The depot is 290 kilometers from the border.\n")
    start = draft.text.index("the the")
    repeat = Diagnostic(
        "NL503",
        "'the' is repeated",
        start,
        start + 7,
        Severity.WARNING,
        fix=Fix("remove the second 'the'", (Edit(start + 3, start + 7, ""),)),
    )
    miles = draft.text.index("290 miles")
    related = Related(
        source, source.text.index("290 kilometers"), source.text.index(" from"), "source says 290 kilometers"
    )
    other = Diagnostic("NL501", "differs", miles, miles + 9, Severity.INFO, related=(related,))
    return [FileResult(draft, [other, repeat]), FileResult(source, [])]


def test_json_has_exactly_the_design_schema():
    items = json.loads(render("json", sample_results()))
    assert [i["code"] for i in items] == ["NL503", "NL501"]
    first = items[0]
    assert list(first) == ["path", "code", "rule", "category", "severity", "message", "range", "fix", "related"]
    assert first["range"] == {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 21}}
    assert first["fix"]["edits"] == [
        {"range": {"start": {"line": 1, "column": 17}, "end": {"line": 1, "column": 21}}, "replacement": ""}
    ]
    assert items[1]["related"] == [
        {
            "path": "wire/b.txt",
            "message": "source says 290 kilometers",
            "range": {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 28}},
        }
    ]


def test_text_prints_related_locations_under_the_diagnostic():
    lines = render("text", sample_results()).splitlines()
    assert lines[0] == "drafts/a.md:1:14: NL503 warning: 'the' is repeated"
    assert lines[1] == "drafts/a.md:1:28: NL501 info: differs"
    assert lines[2] == "    wire/b.txt:1:14: source says 290 kilometers"


def test_sarif_validates_against_the_official_schema():
    log = json.loads(render("sarif", sample_results()))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    result = run["results"][1]
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "wire/b.txt"
    assert run["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startColumn"] == 17


def test_github_annotations():
    lines = render("github", sample_results()).splitlines()
    assert (
        lines[0]
        == "::warning file=drafts/a.md,line=1,endLine=1,col=14,endColumn=21,title=NL503::NL503 'the' is repeated"
    )
    assert lines[1].startswith("::notice file=drafts/a.md,")


def test_lsp_uses_utf16_zero_based_positions():
    payload = json.loads(render("lsp", sample_results()))
    assert [p["uri"].rsplit("/", 2)[-2:] for p in payload] == [["drafts", "a.md"], ["wire", "b.txt"]]
    repeat = payload[0]["diagnostics"][0]
    assert repeat["range"] == {"start": {"line": 0, "character": 14}, "end": {"line": 0, "character": 21}}
    assert repeat["source"] == "newslint" and repeat["code"] == "NL503" and repeat["severity"] == 2
    assert repeat["codeDescription"]["href"].endswith("docs/rules/NL503.md")
    assert repeat["data"]["fix"]["edits"][0]["newText"] == ""
    related = payload[0]["diagnostics"][1]["relatedInformation"][0]
    assert related["location"]["uri"].endswith("wire/b.txt") and related["message"] == "source says 290 kilometers"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_valid_for_the_seeds(fmt):
    result = run_cli("check", "seeds/", "--format", fmt)
    assert result.returncode == 1
    text = out(result)
    if fmt in ("json", "lsp", "sarif"):
        data = json.loads(text)
        if fmt == "sarif":
            jsonschema.Draft4Validator(SCHEMA).validate(data)
    elif fmt == "github":
        assert all(line.startswith(("::warning ", "::notice ", "::error ")) for line in text.splitlines())
    else:
        assert text.splitlines()[-1].startswith("Found ")


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("text", {}),
        ("text", {"group": True, "color": True}),
        ("text", {"quiet": True}),
        ("json", {}),
        ("github", {}),
        ("sarif", {}),
    ],
)
def test_a_writer_writes_what_render_renders_a_result_at_a_time(fmt, options):
    from newslint.formats import writer

    first, source = sample_results()
    later = FileResult(read_document("drafts/c.txt", b"Crews said the the road.\n"), [])
    later.diagnostics = [replace_start(d, later.document) for d in first.diagnostics[1:]]
    results = [first, FileResult(read_document("drafts/b.txt", b"Fine.\n"), []), later, source]
    results.sort(key=lambda r: r.document.path)
    counts = {"unchecked": 1, "other_errors": 2}
    parts: list[str] = []
    each = writer(fmt, parts.append, **options)
    for result in results:
        each.add(result)
    each.close(**counts)
    assert "".join(parts) == render(fmt, results, **options, **counts)
    empty: list[str] = []
    none = writer(fmt, empty.append, **options)
    none.close(**counts)
    assert "".join(empty) == render(fmt, [], **options, **counts)


def replace_start(d: Diagnostic, document) -> Diagnostic:
    """`d` moved to the first repeated word of `document`, its fix with it."""
    from dataclasses import replace

    start = document.text.index("the the")
    return replace(d, start=start, end=start + 7, fix=Fix("remove", (Edit(start + 3, start + 7, ""),)))


def test_lsp_has_no_writer():
    from newslint.formats import writer

    assert writer("lsp", print) is None
