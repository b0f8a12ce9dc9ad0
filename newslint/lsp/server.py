"""`newslint server`: the language server (pygls 2) over stdio, or TCP for debugging.

Each LSP message is handled here and handed to the session; `initialize` answers at once,
while the model loads in the background.
"""

from __future__ import annotations

import contextlib

from lsprotocol import types

from newslint.lsp.actions import ACCEPT, APPLY, DISABLE, KNOW, code_actions
from newslint.lsp.configs import is_config_file
from newslint.lsp.hover import diagnostics_at, hover_text
from newslint.lsp.linting import CONVERTER, result_id
from newslint.lsp.session import NewslintServer
from newslint.lsp.settings import parse_settings
from newslint.lsp.store import path_of
from newslint.lsp.watchers import config_watchers


def build() -> NewslintServer:
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        ls.settings, ls.pending_problems = parse_settings(params.initialization_options)
        ls.bound_cache()
        ls.push = getattr(params.capabilities.text_document, "diagnostic", None) is None

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        for problem in ls.pending_problems:
            ls.show(problem)
        await ls.watch("newslint-config", config_watchers())
        await ls.watch_sources()
        await ls.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.store.open(item.uri, item.text, item.version)
        if not is_config_file(path_of(item.uri)):
            ls.scheduler.schedule(item.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        document = ls.store.change(uri, params.content_changes, params.text_document.version, ls.encoding)
        if document is not None and ls.lints_on_change(document) and not is_config_file(document.path):
            ls.scheduler.schedule(uri, ls.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config_file(path_of(uri)):
            ls.reload()
        elif ls.settings.sources:  # the saved file may be a source of the other drafts
            ls.lint_all()
        elif ls.store.get(uri) is not None:
            ls.scheduler.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.scheduler.cancel(uri)
        ls.store.close(uri)
        ls.results.pop(uri, None)
        if ls.push:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload()  # a configuration or a source changed, was created or deleted

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: NewslintServer, params: types.DidChangeConfigurationParams) -> None:
        raw = params.settings
        if raw is None and getattr(ls.client_capabilities.workspace, "configuration", False):
            # A client that sends no settings here serves them on request.
            items = [types.ConfigurationItem(section="newslint")]
            with contextlib.suppress(Exception):
                (raw,) = await ls.workspace_configuration_async(types.ConfigurationParams(items=items))
        before = ls.settings.sources
        ls.settings, problems = parse_settings(raw, ls.settings)
        ls.bound_cache()
        if ls.settings.sources != before:
            await ls.watch_sources()
        ls.reload()
        for problem in problems:
            ls.show(problem)

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(identifier="newslint", inter_file_dependencies=True, workspace_diagnostics=False),
    )
    async def pull(ls: NewslintServer, params: types.DocumentDiagnosticParams):
        uri = params.text_document.uri
        document = ls.store.get(uri)
        if document is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        current = result_id(document.text, ls.configs.generation)
        if params.previous_result_id == current:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=current)
        last = ls.results.get(uri)
        if last is None or last.result_id != current:
            ls.scheduler.cancel(uri)
            await ls.lint_and_publish(uri)
            last = ls.results.get(uri)
        items = CONVERTER.structure(last.diagnostics, list[types.Diagnostic]) if last else []
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=last.result_id if last else None)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        return code_actions(uri, params.range, params.context.diagnostics, ls.current_result(uri))

    @server.command(APPLY)
    async def apply_edits(ls: NewslintServer, uri: str, edits: list[types.TextEdit]) -> bool:
        edit = {"changes": {uri: CONVERTER.unstructure(edits)}}
        return await ls.apply("newslint", edit)

    @server.command(DISABLE)
    async def disable(ls: NewslintServer, uri: str, code: str) -> None:
        await ls.disable_in_workspace(uri, code)

    @server.command(ACCEPT)
    async def accept(ls: NewslintServer, uri: str, section: str, old: str, use: str) -> None:
        await ls.accept_spelling(uri, section, old, use)

    @server.command(KNOW)
    async def know(ls: NewslintServer, uri: str, section: str, name: str) -> None:
        await ls.accept_known(uri, section, name)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        last = ls.current_result(params.text_document.uri)
        if last is None:
            return None
        document = last.result.document
        offset = document.offset_of_lsp(params.position.line, params.position.character, ls.encoding)
        found = diagnostics_at(last.result.diagnostics, offset)
        if not found:
            return None
        text = "\n\n---\n\n".join(hover_text(d) for d in found)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.scheduler.shutdown()

    return server


def serve(tcp: tuple[str, int] | None = None) -> None:
    """Run the server until the client disconnects: over stdio, or on `tcp` (host, port)."""
    server = build()
    if tcp:
        server.start_tcp(*tcp)
    else:
        server.start_io()
