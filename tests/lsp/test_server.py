"""`newslint server` end to end: a pytest-lsp client drives the server as a subprocess over stdio.

One server serves the whole module (its model loads once); each test works in its own files.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

pytestmark = pytest.mark.asyncio(loop_scope="module")

ROOT = Path(__file__).resolve().parents[2]
DRAFT = (
    "The minister said the plan was ready.\n\n"
    "Experts say the bridge will allegedly cost more.\n\n"
    "It was 290 kilometers (180.198 miles) long.\n"
)
TIMEOUT = 60


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("workspace")
    (folder / "newslint.toml").write_text("# House settings for the desk.\nignore = []\n", encoding="utf-8")
    return folder


def converter():
    """lsprotocol's converter, reading a CodeAction that carries a command as a CodeAction (its own
    hook takes any object with a "command" key for a bare Command)."""
    converter = default_converter()

    def command_or_action(value, _):
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)

    converter.register_structure_hook(types.Command | types.CodeAction, command_or_action)
    return converter


def recording_client() -> LanguageClient:
    """A test client that keeps every publishDiagnostics and workspace edit it is sent, and the
    file watchers the server holds (by registration id)."""
    client = LanguageClient(converter_factory=converter)
    client.publications, client.applied, client.watchers = [], [], {}

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.publications.append(params)

    def apply_edit(client: LanguageClient, params: types.ApplyWorkspaceEditParams):
        client.applied.append(params.edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    def register(client: LanguageClient, params: types.RegistrationParams):
        for r in params.registrations:
            client.watchers[r.id] = r.register_options["watchers"]

    def unregister(client: LanguageClient, params: types.UnregistrationParams):
        for r in params.unregisterations:
            client.watchers.pop(r.id, None)

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.WORKSPACE_APPLY_EDIT: apply_edit,
        types.CLIENT_REGISTER_CAPABILITY: register,
        types.CLIENT_UNREGISTER_CAPABILITY: unregister,
    }
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "newslint", "server"], client_factory=recording_client
    ),
)
async def client(lsp_client: LanguageClient, workspace: Path):

    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]),
        window=types.WindowClientCapabilities(work_done_progress=True),
        workspace=types.WorkspaceClientCapabilities(
            configuration=True,
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True, relative_pattern_support=True
            ),
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True)
        ),
    )
    params = types.InitializeParams(
        capabilities=capabilities,
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="workspace")],
        initialization_options={"newslint": {"debounce": 50}},
    )
    lsp_client.initialize_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def published(client: LanguageClient, uri: str, version: int, timeout: float = TIMEOUT):
    """Awaits the next diagnostics published for `uri` at `version` after this call."""
    seen = len(client.publications)

    async def wait():
        nonlocal seen
        while True:
            for params in client.publications[seen:]:
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            seen = len(client.publications)
            await asyncio.sleep(0.01)

    return asyncio.wait_for(wait(), timeout)


async def open_draft(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    waiting = published(client, path.as_uri(), 1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="plaintext", version=1, text=text)
        )
    )
    return await waiting


async def actions_for(client: LanguageClient, draft: Path, code: str) -> tuple[types.Diagnostic, list]:
    """Open `draft` and ask for the code actions of its first `code` diagnostic."""
    diagnostics = await open_draft(client, draft, DRAFT)
    found = next(d for d in diagnostics if d.code == code)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    return found, actions


def codes(diagnostics) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


async def changed_unpublished(client: LanguageClient, draft: Path, text: str, settle: float = 0):
    """Replace the draft's text (version 2) and check that, once the server has handled the
    change and `settle` seconds more, nothing is published for it. Returns the document's
    identifier and the wait for its publication."""
    change = types.TextDocumentContentChangeWholeDocument(text=text)
    identifier = types.VersionedTextDocumentIdentifier(uri=draft.as_uri(), version=2)
    waiting = published(client, draft.as_uri(), 2)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(text_document=identifier, content_changes=[change])
    )
    seen = len(client.publications)
    await client.text_document_hover_async(  # a round trip: the change has been handled
        types.HoverParams(text_document=identifier, position=types.Position(line=0, character=0))
    )
    await asyncio.sleep(settle)
    assert not [p for p in client.publications[seen:] if p.uri == draft.as_uri() and p.version == 2]
    return identifier, waiting


async def progress_token(client: LanguageClient, before: set, name: str) -> str:
    """The token of the lint of `name` that began after `before`, once it reports a percentage."""

    async def reported() -> str:
        while True:
            for token in set(client.progress_reports) - before:
                reports = client.progress_reports[token]
                if len(reports) > 1 and reports[0].message == f"linting {name}":
                    return token
            await asyncio.sleep(0.01)

    return await asyncio.wait_for(reported(), TIMEOUT)


async def test_initialize_answers_with_the_capabilities(client: LanguageClient):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider and capabilities.code_action_provider and capabilities.diagnostic_provider
    assert {"newslint.applyEdits", "newslint.disableInWorkspace"} <= set(capabilities.execute_command_provider.commands)


async def test_open_then_edit_updates_the_diagnostics(client: LanguageClient, workspace: Path):
    draft = workspace / "edit.txt"
    diagnostics = await open_draft(client, draft, DRAFT)
    assert codes(diagnostics) == ["NL102", "NL402", "NL405"]
    nl102 = next(d for d in diagnostics if d.code == "NL102")
    assert nl102.range.start == types.Position(line=4, character=23)
    assert nl102.related_information[0].location.uri == draft.as_uri()
    assert nl102.related_information[0].message == "the value converted"

    # Replace "Experts say" with "The mayor said": the vague attribution goes, the rest stays.
    change = types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=11)),
        text="The mayor said",
    )
    waiting = published(client, draft.as_uri(), 2)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=draft.as_uri(), version=2),
            content_changes=[change],
        )
    )
    assert codes(await waiting) == ["NL102"]


async def test_the_model_loaded_in_the_background_with_progress(client: LanguageClient):
    reports = [r for rs in client.progress_reports.values() for r in rs]
    begun = [r for r in reports if isinstance(r, types.WorkDoneProgressBegin)]
    assert any(r.message == "loading the language model" for r in begun)
    assert any(isinstance(r, types.WorkDoneProgressEnd) for r in reports)


async def test_check_on_save_waits_for_the_save(client: LanguageClient, tmp_path: Path):
    draft = tmp_path / "saved.txt"
    await open_draft(client, draft, DRAFT)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"checkOn": "save"}})
    )
    identifier, waiting = await changed_unpublished(client, draft, "Experts say it is late.\n")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=identifier))
    assert codes(await waiting) == ["NL402"]
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"checkOn": "change"}})
    )


async def test_pull_diagnostics_answer_unchanged_for_the_same_text(client: LanguageClient, workspace: Path):
    draft = workspace / "pull.txt"
    await open_draft(client, draft, DRAFT)
    identifier = types.TextDocumentIdentifier(uri=draft.as_uri())
    full = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=identifier))
    assert full.kind == "full" and codes(full.items) == ["NL102", "NL402", "NL405"]
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=identifier, previous_result_id=full.result_id)
    )
    assert again.kind == "unchanged" and again.result_id == full.result_id


async def test_code_action_applies_the_fix_through_apply_edit(client: LanguageClient, workspace: Path):
    draft = workspace / "fix.txt"
    nl102, actions = await actions_for(client, draft, "NL102")
    titles = [a.title for a in actions]
    assert titles[0].startswith("NL102: ") and actions[0].is_preferred
    assert "Ignore NL102 in this paragraph" in titles and "Disable NL102 in this workspace" in titles

    client.applied.clear()
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=actions[0].command.command, arguments=actions[0].command.arguments)
    )
    (edit,) = client.applied[0].changes[draft.as_uri()]
    assert edit.new_text == "180"
    assert edit.range == types.Range(
        start=types.Position(line=4, character=23), end=types.Position(line=4, character=30)
    )

    ignore = next(a for a in actions if a.title.startswith("Ignore"))
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=ignore.command.command, arguments=ignore.command.arguments)
    )
    (comment,) = client.applied[1].changes[draft.as_uri()]
    assert comment.new_text == "<!-- newslint: ignore NL102 -->\n" and comment.range.start.line == 4


async def test_hover_explains_the_rule_and_shows_the_evidence(client: LanguageClient, workspace: Path):
    draft = workspace / "hover.txt"
    diagnostics = await open_draft(client, draft, DRAFT)
    nl102 = next(d for d in diagnostics if d.code == "NL102")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), position=nl102.range.start)
    )
    text = hover.contents.value
    assert text.startswith("**NL102**") and "significant figures" in text
    assert "Evidence:" in text and "the value converted" in text and "hover.txt:5:8" in text
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), position=types.Position(line=0, character=2)
        )
    )
    assert nothing is None


async def test_disable_in_workspace_edits_the_config_keeping_comments(client: LanguageClient, workspace: Path):
    draft = workspace / "disable.txt"
    nl405, actions = await actions_for(client, draft, "NL405")
    disable = next(a for a in actions if a.title == "Disable NL405 in this workspace")
    waiting = published(client, draft.as_uri(), 1)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=disable.command.command, arguments=disable.command.arguments)
    )
    assert "NL405" not in codes(await waiting)
    config = (workspace / "newslint.toml").read_text(encoding="utf-8")
    assert config.startswith("# House settings for the desk.\n") and 'ignore = ["NL405"]' in config


async def test_config_error_is_shown_and_survived(client: LanguageClient, tmp_path: Path):
    (tmp_path / "newslint.toml").write_text("selekt = []\n", encoding="utf-8")
    draft = tmp_path / "broken.txt"
    diagnostics = await open_draft(client, draft, DRAFT)
    assert codes(diagnostics) == ["NL102", "NL402", "NL405"]  # the defaults
    assert any("unknown key 'selekt'" in m.message for m in client.messages)

    (tmp_path / "newslint.toml").write_text('select = ["NL1"]\n', encoding="utf-8")
    waiting = published(client, draft.as_uri(), 1)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(tmp_path / "newslint.toml").as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert codes(await waiting) == ["NL102"]


async def test_settings_change_turns_on_the_source_checks(client: LanguageClient, tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "wire.txt").write_text("The road runs 290 kilometers along the coast.\n", encoding="utf-8")
    draft = tmp_path / "story.txt"
    text = "The road runs 290 miles along the coast.\n"
    assert not [d for d in await open_draft(client, draft, text) if str(d.code).startswith("NL6")]
    waiting = published(client, draft.as_uri(), 1)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"sources": str(sources)}})
    )
    found = await waiting
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"sources": []}})
    )
    cross = [d for d in found if str(d.code).startswith("NL6")]
    assert cross and cross[0].related_information[0].location.uri == (sources / "wire.txt").as_uri()


async def test_malformed_and_unknown_messages_are_survived(client: LanguageClient, tmp_path: Path):
    client._server.stdin.write(b"Content-Length: 9\r\n\r\n{not json")
    with pytest.raises(Exception, match="newslint/nothing"):
        await client.protocol.send_request_async("newslint/nothing", {})
    draft = tmp_path / "after.txt"
    assert codes(await open_draft(client, draft, DRAFT)) == ["NL102", "NL402", "NL405"]


async def test_close_mid_lint_is_survived(client: LanguageClient, tmp_path: Path):
    draft = tmp_path / "closed.txt"
    text = "\n\n".join(f"Experts say bridge {i} will allegedly cost {i} million dollars more." for i in range(200))
    item = types.TextDocumentItem(uri=draft.as_uri(), language_id="plaintext", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    await asyncio.sleep(0.2)  # the lint is under way on the server's lint thread
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=draft.as_uri()))
    )
    assert codes(await open_draft(client, tmp_path / "later.txt", DRAFT)) == ["NL102", "NL402", "NL405"]
    closed = [p for p in client.publications if p.uri == draft.as_uri()]
    assert closed and list(closed[-1].diagnostics) == []  # no late result after the close


async def test_a_huge_buffer_is_refused_with_a_message(client: LanguageClient, tmp_path: Path):
    draft = tmp_path / "huge.txt"
    text = "The council met on Monday and agreed the budget.\n\n" * 180_000  # 9 MB, over the 8 MB limit
    diagnostics = await open_draft(client, draft, text)
    assert diagnostics == []
    assert any("huge.txt" in m.message and "not linted" in m.message for m in client.messages)


async def test_settings_are_asked_for_when_the_change_carries_none(client: LanguageClient, tmp_path: Path):
    draft = tmp_path / "small.txt"
    assert await open_draft(client, draft, DRAFT)
    client.set_configuration({"maxBytes": 100}, section="newslint")
    waiting = published(client, draft.as_uri(), 1)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await waiting == []  # linted again with the settings the server asked for
    assert any("small.txt" in m.message and "limit of 100" in m.message for m in client.messages)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"maxBytes": 8_000_000}})
    )


async def test_a_newer_edit_stops_the_running_lint(client: LanguageClient, tmp_path: Path):
    draft = tmp_path / "long.txt"
    text = "\n\n".join(
        f"The council says road {i} will cost {i} million pounds more than it planned." for i in range(300)
    )
    before = set(client.progress_reports)
    item = types.TextDocumentItem(uri=draft.as_uri(), language_id="plaintext", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    token = await progress_token(client, before, "long.txt")
    waiting = published(client, draft.as_uri(), 2)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=draft.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=DRAFT)],
        )
    )
    assert codes(await waiting) == ["NL102", "NL402", "NL405"]
    reports = client.progress_reports[token]
    assert isinstance(reports[-1], types.WorkDoneProgressEnd) and reports[-1].message == "stopped: the buffer changed"
    assert all(r.percentage < 100 for r in reports[1:-1])  # stopped before it was done
    assert not [p for p in client.publications if p.uri == draft.as_uri() and p.version == 1]


async def accept(client: LanguageClient, folder: Path, text: str, code: str, title: str) -> list[types.Diagnostic]:
    """Open `text` in `folder`, run the action `title` of its `code` diagnostic, and return the
    diagnostics published after the configuration changed."""
    draft = folder / "names.txt"
    found = next(d for d in await open_draft(client, draft, text) if d.code == code)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    chosen = next(a for a in actions if a.title == title)
    waiting = published(client, draft.as_uri(), 1)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=chosen.command.command, arguments=chosen.command.arguments)
    )
    return await waiting


async def test_accepting_a_name_s_spelling_adds_it_to_the_house_dictionary(client: LanguageClient, tmp_path: Path):
    (tmp_path / "newslint.toml").write_text("# Desk names.\n[names]\ncheck-quotes = false\n", encoding="utf-8")
    text = "Kim Jong-un met Vladimir Putin in September. Kim Jong Un then toured a rocket base.\n"
    title = "Accept 'Kim Jong Un' as the house spelling (not 'Kim Jong-un')"
    (after,) = [d for d in await accept(client, tmp_path, text, "NL204", title) if d.code == "NL204"]
    assert after.message == "house style writes this name 'Kim Jong Un', not 'Kim Jong-un'"
    assert after.range.start.character == 0 and after.data["fix"]["edits"][0]["newText"] == "Kim Jong Un"
    config = (tmp_path / "newslint.toml").read_text(encoding="utf-8")
    assert config == '# Desk names.\n[names]\ncheck-quotes = false\nspellings = {"Kim Jong-un" = "Kim Jong Un"}\n'


async def test_accepting_a_place_s_spelling_overrides_the_house_style(client: LanguageClient, tmp_path: Path):
    text = "Russian drones struck Kiev overnight, officials said.\n"
    title = "Accept 'Kiev' as the house spelling (not 'Kyiv')"
    assert [d.code for d in await accept(client, tmp_path, text, "NL202", title)] == []
    assert (tmp_path / "newslint.toml").read_text(encoding="utf-8") == '[places]\nspellings = {Kyiv = "Kiev"}\n'


async def test_accepting_an_unknown_place_adds_it_to_the_known_names(client: LanguageClient, tmp_path: Path):
    (tmp_path / "newslint.toml").write_text("[places]  # our patch\ncheck-quotes = false\n", encoding="utf-8")
    text = "Containers were moved by train to Tikhorestk, Russia, officials said.\n"
    title = "Accept 'Tikhorestk' as known (add it to [places] known)"
    assert [d.code for d in await accept(client, tmp_path, text, "NL203", title)] == []
    config = (tmp_path / "newslint.toml").read_text(encoding="utf-8")
    assert config == '[places]  # our patch\ncheck-quotes = false\nknown = ["Tikhorestk"]\n'


async def test_sources_are_watched_and_a_change_to_one_lints_the_drafts_again(client: LanguageClient, tmp_path: Path):
    assert [w["globPattern"] for w in client.watchers["newslint-config"]] == ["**/newslint.toml", "**/pyproject.toml"]
    sources = tmp_path / "wire"
    sources.mkdir()
    wire = sources / "wire.txt"
    wire.write_text("The road runs 290 miles along the coast.\n", encoding="utf-8")
    draft = tmp_path / "coast.txt"
    await open_draft(client, draft, "The road runs 290 miles along the coast.\n")
    waiting = published(client, draft.as_uri(), 1)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"sources": str(sources)}})
    )
    assert not [d for d in await waiting if str(d.code).startswith("NL6")]  # the source agrees
    (watcher,) = client.watchers["newslint-sources"]
    assert watcher["globPattern"] == {"baseUri": sources.as_uri(), "pattern": "**/*"}

    wire.write_text("The road runs 290 kilometers along the coast, officials said.\n", encoding="utf-8")
    waiting = published(client, draft.as_uri(), 1)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=wire.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert "NL602" in codes(await waiting)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"sources": []}})
    )
    await client.text_document_hover_async(  # a round trip: the setting has been handled
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), position=types.Position(line=0, character=0)
        )
    )
    assert "newslint-sources" not in client.watchers


async def test_a_big_buffer_is_linted_on_open_and_save_only(client: LanguageClient, tmp_path: Path):
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"saveOnlyBytes": 1_000}})
    )
    draft = tmp_path / "big.txt"
    text = DRAFT + "\nThe council met on Monday and agreed the budget.\n" * 30
    assert codes(await open_draft(client, draft, text)) == ["NL102", "NL402", "NL405"]
    assert any("big.txt" in m.message and "saveOnlyBytes" in m.message for m in client.messages)
    identifier, waiting = await changed_unpublished(client, draft, text.replace("Experts say", "The mayor said"), 1)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=identifier))
    assert codes(await waiting) == ["NL102"]
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"newslint": {"saveOnlyBytes": 1_000_000}})
    )


async def test_a_long_lint_gives_way_to_another_buffer_and_runs_again(client: LanguageClient, tmp_path: Path):
    long, short = tmp_path / "report.txt", tmp_path / "brief.txt"
    text = "\n\n".join(f"Experts say tram {i} will cost {i} million euros more than was planned." for i in range(300))
    before = set(client.progress_reports)
    item = types.TextDocumentItem(uri=long.as_uri(), language_id="plaintext", version=1, text=text)
    long_done = published(client, long.as_uri(), 1)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    token = await progress_token(client, before, "report.txt")
    assert codes(await open_draft(client, short, DRAFT)) == ["NL102", "NL402", "NL405"]
    assert client.progress_reports[token][-1].message == "stopped: another buffer goes first"
    assert codes(await long_done) == ["NL402"]  # linted again after the other buffer, to the end


# Last: the other tests' timings are not to depend on what this one leaves in the caches.
async def test_a_5_mb_buffer_is_linted_in_the_background_with_progress(client: LanguageClient, tmp_path: Path):
    draft, other = tmp_path / "archive.txt", tmp_path / "brief.txt"
    stories = [f"The board says bridge {i} will cost {i} million dollars more than it planned." for i in range(500)]
    text = "\n\n".join(stories * 130) + "\n\n" + DRAFT  # 5 MB, under the 8 MB limit
    assert 5_000_000 < len(text.encode("utf-8")) < 8_000_000
    before = set(client.progress_reports)
    done = published(client, draft.as_uri(), 1, timeout=300)
    item = types.TextDocumentItem(uri=draft.as_uri(), language_id="plaintext", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    token = await progress_token(client, before, "archive.txt")
    hover = await client.text_document_hover_async(  # the editor is answered while it lints
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=other.as_uri()), position=types.Position(0, 0))
    )
    assert hover is None
    assert codes(await done) == ["NL102", "NL402", "NL405"]
    reports = client.progress_reports[token]
    assert isinstance(reports[-1], types.WorkDoneProgressEnd) and reports[-1].message is None
    percentages = [r.percentage for r in reports[1:-1]]
    assert percentages == sorted(percentages) and percentages[-1] >= 90  # then the end
    assert not any("archive.txt" in m.message and "not linted" in m.message for m in client.messages)
