"""The server's state and its work: the open buffers, one long-lived engine, lints and publishing.

One engine (`Linter`) serves every buffer, so the per-paragraph analysis cache carries over
from one edit to the next. The model loads in the background, with `$/progress`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.errors import NewslintError
from newslint.lsp.actions import workspace_edit
from newslint.lsp.configs import WorkspaceConfigs, is_config_file
from newslint.lsp.linting import CONVERTER, LintResult, lint_open_document, result_id
from newslint.lsp.scheduler import Scheduler
from newslint.lsp.settings import Settings
from newslint.lsp.source_files import SourceFiles
from newslint.lsp.store import DocumentStore, OpenDocument, path_of
from newslint.lsp.toml_edit import target_file, with_ignored

WARM_UP = Source(
    "warm-up.txt", b"The minister said on Monday that 290 kilometers (180 miles) of road had reopened.", Config()
)
PROGRESS_BYTES = 100_000  # a buffer this big is linted with a progress report


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.store = DocumentStore()
        self.linter = Linter()
        self.configs = WorkspaceConfigs()
        self.source_files = SourceFiles()
        self.settings = Settings()
        self.results: dict[str, LintResult] = {}
        self.scheduler = Scheduler(self.lint_and_publish)
        self.push = True  # off when the client pulls diagnostics itself
        self._shown: set[str] = set()
        self._tokens = itertools.count(1)
        self.pending_problems: list[str] = []  # settings problems, shown once initialised

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding or "utf-16"
        return str(getattr(encoding, "value", encoding))

    def show(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        """`window/showMessage`, once for each distinct message until the next reload."""
        if message not in self._shown:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=f"newslint: {message}"))

    def roots(self) -> list[Path]:
        folders = [Path(path_of(f.uri)) for f in self.workspace.folders.values()]
        root = self.workspace.root_path
        return folders or ([Path(root)] if root else [Path.cwd()])

    def folder_of(self, path: str) -> Path:
        """The workspace folder holding `path` (the deepest), else the file's own folder."""
        inside = [root for root in self.roots() if Path(path).resolve().is_relative_to(root.resolve())]
        return max(inside, key=lambda root: len(root.parts)) if inside else Path(path).parent

    @contextlib.asynccontextmanager
    async def progress(self, title: str, message: str):
        """A work-done progress report around the body, when the client shows them."""
        token = None
        if getattr(getattr(self.client_capabilities, "window", None), "work_done_progress", False):
            token = f"newslint-{next(self._tokens)}"
            try:
                await self.work_done_progress.create_async(token)
                self.work_done_progress.begin(token, types.WorkDoneProgressBegin(title=title, message=message))
            except Exception:  # the client refused the token: go on without a progress report
                token = None
        try:
            yield
        finally:
            if token is not None:
                self.work_done_progress.end(token, types.WorkDoneProgressEnd())

    async def warm_up(self) -> None:
        """Load the model (and the rules' data) before the first buffer needs it."""
        async with self.progress("newslint", "loading the language model"):
            try:
                await self.scheduler.run(self.linter.lint, [WARM_UP])
            except NewslintError as err:
                self.show(str(err), types.MessageType.Error)

    def lint_job(self, snapshot: OpenDocument) -> LintResult | None:
        """On the lint thread: the configuration, the sources and the engine, for one version."""
        current = self.store.get(snapshot.uri)
        if current is None or current.version != snapshot.version:
            return None  # superseded or closed while queued
        config, config_error = self.configs.for_path(snapshot.path)
        problems = [f"{config_error}; using the default configuration until it is fixed"] if config_error else []
        against = None
        if self.settings.sources:
            against, errors = self.source_files.load(self.settings.sources, self.roots(), self.configs, snapshot.path)
            problems += [str(e) for e in errors]
            if not against:
                problems.append(f"no source files match the sources setting {list(self.settings.sources)}")
        outcome = lint_open_document(self.linter, snapshot, config, against, self.encoding, self.configs.generation)
        outcome.errors = problems + outcome.errors
        return outcome

    async def lint_and_publish(self, uri: str) -> None:
        document = self.store.get(uri)
        if document is None:
            return
        size = len(document.text.encode("utf-8", "surrogatepass"))
        if size > self.settings.max_bytes:
            self.show(
                f"{document.path}: {size:,} bytes is over the server's limit of {self.settings.max_bytes:,}"
                " (setting maxBytes); not linted. Use `newslint check` on it instead."
            )
            self.publish(LintResult(uri, document.version, result_id(document.text, self.configs.generation), None))
            return
        snapshot = OpenDocument(uri, document.text, document.version)
        try:
            if size > PROGRESS_BYTES:
                async with self.progress("newslint", f"linting {Path(document.path).name}"):
                    outcome = await self.scheduler.run(self.lint_job, snapshot)
            else:
                outcome = await self.scheduler.run(self.lint_job, snapshot)
        except NewslintError as err:  # the model cannot load
            self.show(str(err), types.MessageType.Error)
            return
        current = self.store.get(uri)
        if outcome is None or current is None or current.version != snapshot.version:
            return  # a newer edit or a close superseded this lint: drop it
        self.results[uri] = outcome
        for problem in outcome.errors:
            self.show(problem)
        if self.push:
            self.publish(outcome)

    def publish(self, outcome: LintResult) -> None:
        diagnostics = CONVERTER.structure(outcome.diagnostics, list[types.Diagnostic])
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=outcome.uri, diagnostics=diagnostics, version=outcome.version)
        )

    def lint_all(self) -> None:
        for document in self.store:
            if not is_config_file(document.path):
                self.scheduler.schedule(document.uri, 0)

    def reload(self) -> None:
        """Configuration or sources changed: forget what was read and lint the open drafts again."""
        self.configs.reload()
        self._shown.clear()
        self.lint_all()
        if getattr(getattr(self.client_capabilities.workspace, "diagnostics", None), "refresh_support", False):
            self.workspace_diagnostic_refresh(None)

    def current_result(self, uri: str) -> LintResult | None:
        """The last result, if it was computed from the buffer's text as it is now."""
        document, last = self.store.get(uri), self.results.get(uri)
        if document is None or last is None or last.result is None or last.result.document.text != document.text:
            return None
        return last

    async def apply(self, label: str, edit: dict[str, Any]) -> bool:
        params = types.ApplyWorkspaceEditParams(edit=CONVERTER.structure(edit, types.WorkspaceEdit), label=label)
        try:
            response = await self.workspace_apply_edit_async(params)
        except Exception as err:  # the client answered with an error (declined, or could not ask)
            self.show(f"the editor did not apply '{label}': {err}")
            return False
        return bool(response.applied)

    async def disable_in_workspace(self, uri: str, code: str) -> None:
        """Add `code` to `ignore` in the configuration that governs `uri` (a new newslint.toml if none)."""
        path = path_of(uri)
        config, _ = self.configs.for_path(path)
        target = target_file(config.path, self.folder_of(path))
        open_config = self.store.get(target.resolve().as_uri()) or self.store.get(target.as_uri())
        try:
            before = open_config.text if open_config else target.read_text("utf-8") if target.is_file() else ""
            after = with_ignored(before, code, target.name == "pyproject.toml")
        except Exception as err:  # unreadable, or not TOML: say so, change nothing
            self.show(f"{target}: cannot add {code} to 'ignore': {err}", types.MessageType.Error)
            return
        if open_config:  # the editor holds the file: edit the buffer; saving it reloads the configuration
            end = open_config.positions().lsp_position(len(before), self.encoding)
            whole = {"start": {"line": 0, "character": 0}, "end": {"line": end[0], "character": end[1]}}
            await self.apply(f"Disable {code}", workspace_edit(open_config.uri, [{"range": whole, "newText": after}]))
            return
        write_atomically(target, after)
        self.reload()


def write_atomically(path: Path, text: str) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)
