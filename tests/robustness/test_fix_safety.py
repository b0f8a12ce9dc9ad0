"""`--fix` never loses text: edits stay on prose, files changed under it are left alone, and
links, owners, modes and read-only files are respected."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import fixes
from newslint.cli import main
from newslint.diagnostics import Diagnostic, Edit, Fix
from newslint.fixes import FixRefused, apply_fixes, write_fixed
from newslint.readers import read_document
from tests.conftest import lint

TYPO = "Officials said the the road would reopen.\n"
FIXED = "Officials said the road would reopen.\n"


def check(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["check", *args], input=input)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "markup",
    ["`config.yaml`", "<!-- note to desk -->", "![a map](map.png)", "<span>x</span>", "<br>"],
)
def test_repeat_around_hidden_text_is_neither_reported_nor_fixed(desk, markup):
    text = f"Officials said the {markup} the plan.\n"
    (desk / "story.md").write_text(text)
    result = check("story.md", "--select", "NL503", "--fix")
    assert result.exit_code == 0, result.output
    assert (desk / "story.md").read_text() == text


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the **the** plan.\n",
        "Officials said the [the](https://example.com/the) plan.\n",
        "Officials said the _the_ plan.\n",
    ],
)
def test_repeat_across_markup_is_reported_without_a_fix(desk, text):
    (desk / "story.md").write_text(text)
    diagnostics = lint(text, "NL503", suffix=".md")
    assert [d.code for d in diagnostics] == ["NL503"] and diagnostics[0].fix is None
    check("story.md", "--select", "NL503", "--fix")
    assert (desk / "story.md").read_text() == text


def test_house_spelling_fix_in_a_link_keeps_the_target(desk):
    text = "Troops reached [Kiev](https://example.com/kiev-report) on Monday.\n"
    (desk / "story.md").write_text(text)
    [diagnostic] = lint(text, "NL202", suffix=".md")
    assert text[diagnostic.start : diagnostic.end] == "Kiev"
    check("story.md", "--select", "NL202", "--fix")
    assert (desk / "story.md").read_text() == "Troops reached [Kyiv](https://example.com/kiev-report) on Monday.\n"


@pytest.mark.parametrize(
    ("start", "end", "why"),
    [(15, 38, "crosses the code span"), (10, 16, "runs outside the diagnostic")],
)
def test_an_unsafe_edit_is_dropped(start, end, why):
    text = "Officials said `the` the plan and more.\n"
    document = read_document("story.md", text.encode())
    diagnostic = Diagnostic("NL503", "test", 14, 38, fix=Fix("test", (Edit(start, end, ""),)))
    fixed_text, fixed = apply_fixes(document, [diagnostic])
    assert (fixed_text, fixed) == (text, []), why


def test_file_changed_during_the_run_is_not_overwritten(desk, monkeypatch):
    path = desk / "story.md"
    path.write_text(TYPO)
    lint_files = fixes.write_fixed

    def editor_saves_first(target, original, fixed):
        with open(target, "a") as handle:
            handle.write("A paragraph the reporter added.\n")
        lint_files(target, original, fixed)

    monkeypatch.setattr("newslint.run.write_fixed", editor_saves_first)
    result = check("story.md", "--fix")
    assert result.exit_code == 2
    assert "story.md: changed while newslint ran; not fixed" in result.output
    assert path.read_text() == TYPO + "A paragraph the reporter added.\n"
    assert sorted(p.name for p in desk.iterdir()) == ["story.md"]


def test_write_fixed_refuses_a_file_that_differs_from_what_was_read(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Another run already fixed this.\n")
    with pytest.raises(FixRefused, match="changed while newslint ran"):
        write_fixed(path, TYPO.encode(), FIXED.encode())
    assert path.read_text() == "Another run already fixed this.\n"


def test_fix_through_a_symlink_writes_the_target_and_keeps_the_link(desk):
    elsewhere = desk / "archive"
    elsewhere.mkdir()
    (elsewhere / "story.md").write_text(TYPO)
    (desk / "link.md").symlink_to(elsewhere / "story.md")
    result = check("link.md", "--fix")
    assert result.exit_code == 0, result.output
    assert (desk / "link.md").is_symlink()
    assert (elsewhere / "story.md").read_text() == FIXED


def test_fix_keeps_hard_links(desk):
    (desk / "story.md").write_text(TYPO)
    os.link(desk / "story.md", desk / "copy.md")
    inode = (desk / "story.md").stat().st_ino
    result = check("story.md", "--fix")
    assert result.exit_code == 0, result.output
    assert (desk / "copy.md").read_text() == FIXED
    assert (desk / "story.md").stat().st_ino == inode
    assert sorted(p.name for p in desk.iterdir()) == ["copy.md", "story.md"]


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_fix_keeps_owner_and_mode(desk):
    path = desk / "story.md"
    path.write_text(TYPO)
    os.chown(path, 4242, 4343)
    path.chmod(0o4754)
    assert check("story.md", "--fix").exit_code == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4242, 4343, 0o4754)
    assert path.read_text() == FIXED


def test_setuid_is_dropped_when_the_owner_cannot_be_kept(desk, monkeypatch):
    path = desk / "story.md"
    path.write_text(TYPO)
    path.chmod(0o6755)
    real_stat = os.stat

    def owned_by_someone_else(target, *args, **kwargs):
        info = real_stat(target, *args, **kwargs)
        if Path(target).name == "story.md":
            return os.stat_result((info.st_mode, info.st_ino, info.st_dev, 1, 4242, 4343, *tuple(info)[6:]))
        return info

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(fixes.os, "stat", owned_by_someone_else)
    monkeypatch.setattr(fixes.os, "chown", refuse)
    assert check("story.md", "--fix").exit_code == 0
    assert stat.S_IMODE(real_stat(path).st_mode) == 0o755
    assert path.read_text() == FIXED


def test_read_only_file_is_refused(desk):
    path = desk / "story.md"
    path.write_text(TYPO)
    (desk / "other.md").write_text(TYPO)
    path.chmod(0o444)
    result = check("story.md", "other.md", "--fix")
    assert result.exit_code == 2
    assert "newslint: story.md: read-only file; not fixed" in result.output
    assert path.read_text() == TYPO
    assert (desk / "other.md").read_text() == FIXED


def test_write_error_leaves_no_temporary_file(desk, monkeypatch):
    (desk / "story.md").write_text(TYPO)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "fsync", disk_full)
    result = check("story.md", "--fix")
    assert result.exit_code == 2
    assert "story.md: cannot write the fixed file: No space left on device" in result.output
    assert (desk / "story.md").read_text() == TYPO
    assert sorted(p.name for p in desk.iterdir()) == ["story.md"]


def test_stdin_fix_keeps_the_byte_order_mark():
    result = check("-", "--fix", "--select", "NL503", input=b"\xef\xbb\xbf" + TYPO.encode())
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf" + FIXED.encode())


def test_file_fix_keeps_the_byte_order_mark(desk):
    (desk / "story.txt").write_bytes(b"\xef\xbb\xbf" + TYPO.encode())
    check("story.txt", "--fix")
    assert (desk / "story.txt").read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


@pytest.mark.parametrize("separator", ["\f", "\v", "\u2028", "\u2029", "\x85", "\x1c"])
def test_diff_cuts_lines_only_at_line_breaks(desk, separator):
    text = f"Intro{separator}line.\nOfficials said the the road would reopen.\n"
    (desk / "story.txt").write_text(text)
    result = check("story.txt", "--diff")
    assert result.exit_code == 1
    lines = result.stdout.split("\n")
    assert f" Intro{separator}line." in lines
    assert "-Officials said the the road would reopen." in lines
    assert "+Officials said the road would reopen." in lines
