"""The command line end to end: inputs, exit codes, fixes, and every command's help."""

from __future__ import annotations

import json

import pytest

from tests.conftest import err, out, run_cli

TYPO = "Officials said the the road would reopen.\n"


@pytest.fixture
def desk(tmp_path):
    (tmp_path / "story.md").write_text(TYPO, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("The road reopened on Monday.\n", encoding="utf-8")
    return tmp_path


def test_findings_exit_1_and_print_path_line_column(desk):
    result = run_cli("check", "story.md", "clean.txt", cwd=desk)
    assert result.returncode == 1
    lines = out(result).splitlines()
    assert lines[0] == "story.md:1:16: NL503 warning: 'the' is repeated"
    assert lines[-1].startswith("Found 1 problem (1 warning) in 2 files")


def test_clean_file_exits_0(desk):
    result = run_cli("check", "clean.txt", cwd=desk)
    assert result.returncode == 0 and "All clear" in out(result)


def test_bad_inputs_each_get_one_line_and_the_rest_is_linted(desk):
    (desk / "latin1.txt").write_bytes("Caf\xe9 owners said the the thing.".encode("latin-1"))
    (desk / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (desk / "empty.md").write_text("")
    (desk / "nothing").mkdir()
    (desk / "nothing" / "notes.py").write_text("x = 1\n")
    result = run_cli("check", "story.md", "latin1.txt", "image.txt", "empty.md", "missing.md", "nothing", cwd=desk)
    assert result.returncode == 2
    stderr = err(result)
    assert "Traceback" not in stderr
    assert "newslint: latin1.txt: not valid UTF-8: byte 0xe9 at offset 3" in stderr
    assert "newslint: image.txt: binary file, not text" in stderr
    assert "newslint: missing.md: no such file or directory" in stderr
    assert "newslint: nothing: directory holds no prose files" in stderr
    assert "newslint: empty.md: empty file, nothing to lint" in stderr
    assert len(stderr.splitlines()) == 5
    assert "story.md:1:16: NL503" in out(result)


def test_directories_are_walked_for_prose_files(desk):
    (desk / "sub").mkdir()
    (desk / "sub" / "deep.markdown").write_text(TYPO)
    (desk / "sub" / "skip.py").write_text("the the")
    result = run_cli("check", ".", "--format", "json", cwd=desk)
    assert sorted({d["path"] for d in json.loads(out(result))}) == ["story.md", "sub/deep.markdown"]


def test_stdin_with_a_filename(desk):
    result = run_cli("check", "-", "--stdin-filename", "draft.md", input=TYPO.encode(), cwd=desk)
    assert result.returncode == 1 and out(result).startswith("draft.md:1:16: NL503")


def test_fix_changes_only_the_fixed_span_and_keeps_bom_crlf_and_emoji(desk):
    original = "\ufeffFire 🔥 crews said the the road\r\nwould reopen. Café\u0301 owners agreed.\r\n"
    path = desk / "story.txt"
    path.write_bytes(original.encode("utf-8"))
    path.chmod(0o640)
    result = run_cli("check", "story.txt", "--fix", cwd=desk)
    assert result.returncode == 0, err(result)
    assert path.read_bytes() == original.replace("the the", "the").encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in desk.iterdir()) == ["clean.txt", "story.md", "story.txt"]


def test_fix_leaves_unfixable_findings_reported(desk):
    (desk / "q.md").write_text("“We will will win,” she said.\n")
    result = run_cli("check", "q.md", "--fix", cwd=desk)
    assert result.returncode == 1 and "NL503" in out(result)
    assert (desk / "q.md").read_text() == "“We will will win,” she said.\n"


def test_diff_prints_the_fix_and_changes_nothing(desk):
    result = run_cli("check", "story.md", "--diff", cwd=desk)
    assert result.returncode == 1
    assert "-Officials said the the road would reopen." in out(result)
    assert "+Officials said the road would reopen." in out(result)
    assert (desk / "story.md").read_text() == TYPO


def test_fix_on_stdin_prints_the_fixed_text(desk):
    result = run_cli("check", "-", "--fix", input=TYPO.encode(), cwd=desk)
    assert out(result) == "Officials said the road would reopen.\n"


def test_select_ignore_and_levels(desk):
    assert run_cli("check", "story.md", "--ignore", "NL503", cwd=desk).returncode == 0
    assert run_cli("check", "story.md", "--select", "NL501,NL502", cwd=desk).returncode == 0
    assert run_cli("check", "story.md", "--fail-level", "error", cwd=desk).returncode == 0
    assert run_cli("check", "story.md", "--exit-zero", cwd=desk).returncode == 0


def test_quiet_and_statistics(desk):
    quiet = out(run_cli("check", "story.md", "--quiet", cwd=desk))
    assert quiet == "story.md:1:16: NL503 warning: 'the' is repeated\n"
    stats = out(run_cli("check", "story.md", "--statistics", cwd=desk))
    assert stats.split() == ["1", "NL503", "repeated-word"]


def test_unknown_model_is_reported_clearly(desk):
    (desk / "newslint.toml").write_text('model = "no_such_model_pkg"\n')
    result = run_cli("check", "story.md", cwd=desk)
    assert result.returncode == 2
    assert "none of no_such_model_pkg is installed" in err(result)
    assert "Traceback" not in err(result)


def test_rules_and_explain():
    table = out(run_cli("rules"))
    assert table.splitlines()[0].split() == ["code", "name", "family", "severity", "fixable", "default"]
    assert "NL503  repeated-word" in table
    explained = out(run_cli("explain", "nl501"))
    assert explained.startswith("NL501 sentence-too-long (readability, warning)")
    assert "Bad:" in explained and "Good:" in explained and "max-sentence-words = 50" in explained
    missing = run_cli("explain", "NL999")
    assert missing.returncode == 2 and "NL999: no such rule" in err(missing)


def test_inspect_shows_the_analysis(desk):
    data = json.loads(out(run_cli("inspect", "story.md", cwd=desk)))
    assert set(data) >= {"path", "paragraphs", "sentences", "entities", "quotes", "facts"}
    [sentence] = data["sentences"]
    assert sentence["text"] == TYPO.strip() and sentence["range"]["start"] == {"line": 1, "column": 1}


def test_stats_prints_a_readability_table(desk):
    table = out(run_cli("stats", "story.md", cwd=desk))
    assert "grade" in table and "document" in table
    data = json.loads(out(run_cli("stats", "story.md", "--format", "json", cwd=desk)))
    assert data["document"]["words"] == 7


def test_inspect_of_a_bad_file_is_one_line(desk):
    (desk / "bad.txt").write_bytes(b"\xffabc")
    result = run_cli("inspect", "bad.txt", cwd=desk)
    assert result.returncode == 2 and err(result).strip() == "newslint: bad.txt: not valid UTF-8: byte 0xff at offset 0"


@pytest.mark.parametrize(
    "command", [[], ["check"], ["rules"], ["explain"], ["inspect"], ["stats"], ["init"], ["batch"]]
)
def test_help_everywhere(command):
    result = run_cli(*command, "--help")
    assert result.returncode == 0 and "Usage:" in out(result)


def test_version():
    assert out(run_cli("--version")).startswith("newslint, version ")
