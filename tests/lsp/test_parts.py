"""The server's parts on their own: settings, the configuration edit, positions, scheduling, fix all, TCP."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from lsprotocol import types

from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter, Source
from newslint.lsp.actions import code_actions, known_choices
from newslint.lsp.linting import CONVERTER, lint_open_document
from newslint.lsp.scheduler import Scheduler
from newslint.lsp.session import NewslintServer
from newslint.lsp.settings import Settings, parse_settings
from newslint.lsp.store import OpenDocument
from newslint.lsp.toml_edit import with_ignored, with_known, with_spelling
from tests.conftest import ROOT, err, run_cli


def test_settings_are_read_and_wrong_ones_named():
    settings, problems = parse_settings(
        {
            "newslint": {
                "debounce": 120,
                "checkOn": "save",
                "sources": "wire/*.txt",
                "saveOnlyBytes": 900,
                "maxBytes": 5000,
                "cacheParagraphs": 64,
            }
        }
    )
    assert settings == Settings(
        debounce=0.12,
        check_on="save",
        sources=("wire/*.txt",),
        save_only_bytes=900,
        max_bytes=5000,
        cache_paragraphs=64,
    )
    kept, problems = parse_settings({"checkOn": "sometimes", "colour": "red", "cacheParagraphs": 0}, settings)
    assert kept == settings
    assert problems == [
        "setting 'checkOn' has an invalid value 'sometimes'; ignored",
        "unknown setting 'colour'; ignored",
        "setting 'cacheParagraphs' has an invalid value 0; ignored",
    ]


def test_the_cache_setting_bounds_the_analysis_kept_between_lints():
    server = NewslintServer()
    server.settings = Settings(cache_paragraphs=2)
    server.bound_cache()
    text = "\n\n".join(f"The council met on Monday for the {n}th time this year." for n in range(5))
    server.linter.lint([Source("d.txt", text.encode(), Config())])
    assert server.linter.analyzer.cache_size == 2
    assert len(server.linter.analyzer._cache) == 2


def test_disable_keeps_comments_and_adds_each_code_once():
    text = '# Desk rules.\nignore = ["NL501"]  # long sentences are fine here\n\n[severity]\nNL502 = "info"\n'
    edited = with_ignored(with_ignored(text, "NL405", pyproject=False), "NL405", pyproject=False)
    assert edited == text.replace('["NL501"]', '["NL501", "NL405"]')


def test_disable_in_a_pyproject_adds_the_newslint_table():
    text = '[project]\nname = "desk"  # the name\n'
    edited = with_ignored(text, "NL203", pyproject=True)
    assert edited.startswith(text) and '[tool.newslint]\nignore = ["NL203"]' in edited


def test_positions_in_every_encoding():
    d = Document("d.txt", "ab\né😀x", "ab\né😀x", [])
    offset = d.text.index("x")
    assert [d.lsp_position(offset, e) for e in ("utf-8", "utf-16", "utf-32")] == [(1, 6), (1, 3), (1, 2)]
    assert all(d.offset_of_lsp(*d.lsp_position(offset, e), e) == offset for e in ("utf-8", "utf-16", "utf-32"))


def test_a_newer_edit_supersedes_the_scheduled_lint():
    linted = []

    async def lint(uri: str) -> None:
        linted.append(uri)

    async def edits() -> None:
        scheduler = Scheduler(lint)
        for _ in range(5):
            scheduler.schedule("file:///a.txt", 0.05)
        scheduler.schedule("file:///b.txt", 0.05)
        await asyncio.sleep(0.3)
        scheduler.shutdown()

    asyncio.run(edits())
    assert sorted(linted) == ["file:///a.txt", "file:///b.txt"]


def test_a_bad_tcp_address_is_a_usage_error():
    result = run_cli("server", "--tcp", "localhost")
    assert result.returncode == 2 and "expected HOST:PORT, not 'localhost'" in err(result)


def test_tcp_server_negotiates_the_client_s_position_encoding():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newslint", "server", "--tcp", f"127.0.0.1:{port}"], cwd=ROOT, stderr=subprocess.DEVNULL
    )
    try:
        connection = connect(port)
        capabilities = {"general": {"positionEncodings": ["utf-32", "utf-16"]}}
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": capabilities},
            }
        ).encode()
        connection.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        assert json.loads(read_message(connection))["result"]["capabilities"]["positionEncoding"] == "utf-32"
        connection.close()
    finally:
        server.kill()
        server.wait()


def connect(port: int) -> socket.socket:
    deadline = time.monotonic() + 60
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=60)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def read_message(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(65536)
    header, body = data.split(b"\r\n\r\n", 1)
    length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += connection.recv(65536)
    return body[:length]


def test_fix_all_gathers_every_safe_fix_of_the_last_result():
    text = "It was 290 kilometers (180.198 miles) long.\n\nThe ferry sails 50 kilometers (31.0686 miles) a day.\n"
    last = lint_open_document(Linter(), OpenDocument("file:///d.txt", text, 1), Config(), None, "utf-16", 0)
    diagnostics = CONVERTER.structure(last.diagnostics, list[types.Diagnostic])
    fixable = [d for d in diagnostics if d.data.get("fix")]
    assert len(fixable) == 2
    actions = code_actions("file:///d.txt", fixable[0].range, [fixable[0]], last)
    fix_all = next(a for a in actions if a.title == "Fix all newslint problems in this document")
    uri, edits = fix_all.command.arguments
    assert uri == "file:///d.txt" and [e["newText"] for e in edits] == ["180", "31"]


def test_a_known_name_is_listed_once_and_the_list_keeps_its_comments():
    text = '[places]\nknown = ["Kherson Oblast"]  # agreed with the desk\n'
    edited = with_known(text, "places", "Tikhorestk", pyproject=False)
    assert edited == '[places]\nknown = ["Kherson Oblast", "Tikhorestk"]  # agreed with the desk\n'
    assert with_known(edited, "places", "Tikhorestk", pyproject=False) == edited
    pyproject = with_known("", "places", "Tikhorestk", pyproject=True)
    assert tomllib.loads(pyproject)["tool"]["newslint"]["places"]["known"] == ["Tikhorestk"]


def test_an_unknown_place_offers_to_be_known_and_nothing_else_does():
    text = "Containers were moved by train to Tikhorestk, Russia, officials said.\n"
    last = lint_open_document(Linter(), OpenDocument("file:///d.txt", text, 1), Config(), None, "utf-16", 0)
    (found,) = CONVERTER.structure(last.diagnostics, list[types.Diagnostic])
    assert found.data["unknown"] == {"section": "places", "name": "Tikhorestk"}
    titles = [a.title for a in code_actions("file:///d.txt", found.range, [found], last)]
    assert "Accept 'Tikhorestk' as known (add it to [places] known)" in titles
    assert known_choices({"section": "places"}) == [] and known_choices("Tikhorestk") == []


def test_accepting_a_spelling_replaces_the_reverse_entry_and_keeps_comments():
    text = '[names]  # the house dictionary\nspellings = {Gaddafi = "Qaddafi"}  # agreed\n'
    edited = with_spelling(text, "names", "Qaddafi", "Gaddafi", pyproject=False)
    assert edited == '[names]  # the house dictionary\nspellings = {Qaddafi = "Gaddafi"}  # agreed\n'
    pyproject = with_spelling('[project]\nname = "desk"\n', "places", "Najin", "Rajin", pyproject=True)
    assert pyproject.startswith('[project]\nname = "desk"\n') and 'spellings = {Najin = "Rajin"}' in pyproject
    assert tomllib.loads(pyproject)["tool"]["newslint"]["places"]["spellings"] == {"Najin": "Rajin"}
