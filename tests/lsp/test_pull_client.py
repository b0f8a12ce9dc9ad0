"""A client that pulls diagnostics (`textDocument/diagnostic`) and is never pushed any: pytest-lsp
drives `newslint server` as a subprocess over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.lsp.test_server import DRAFT, codes, recording_client, workspace  # noqa: F401 (a fixture)

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "newslint", "server"], client_factory=recording_client
    ),
)
async def client(lsp_client: LanguageClient, workspace: Path):  # noqa: F811
    pulling = types.TextDocumentClientCapabilities(diagnostic=types.DiagnosticClientCapabilities())
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(text_document=pulling),
        root_uri=workspace.as_uri(),
        initialization_options={"newslint": {"debounce": 0}},
    )
    lsp_client.initialize_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def test_a_pull_client_gets_full_then_unchanged_reports_and_no_pushes(client: LanguageClient, workspace: Path):  # noqa: F811
    draft = workspace / "pulled.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    identifier = types.TextDocumentIdentifier(uri=draft.as_uri())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=draft.as_uri(), language_id="plaintext", version=1, text=DRAFT)
        )
    )

    def pull(previous: str | None = None):
        params = types.DocumentDiagnosticParams(text_document=identifier, previous_result_id=previous)
        return client.text_document_diagnostic_async(params)

    full = await pull()
    assert full.kind == "full" and codes(full.items) == ["NL102", "NL402", "NL405"]
    again = await pull(full.result_id)
    assert again.kind == "unchanged" and again.result_id == full.result_id

    edited = DRAFT.replace("allegedly ", "")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=draft.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
        )
    )
    after = await pull(full.result_id)
    assert after.kind == "full" and after.result_id != full.result_id
    assert codes(after.items) == ["NL102", "NL402"]
    assert (await pull(after.result_id)).kind == "unchanged"
    await asyncio.sleep(0.5)  # time for any push the server would wrongly send
    assert not client.publications
