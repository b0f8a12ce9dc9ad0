"""The server's state and its work: the open buffers, one long-lived engine, lints and publishing.

One engine (`Linter`) serves every buffer, so the per-paragraph analysis cache carries over
from one edit to the next. The model loads in the background, with `$/progress`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import tempfile
import time
from collections.abc import Callable
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
from newslint.lsp.progress import progress_percentage, work_done
from newslint.lsp.scheduler import Scheduler
from newslint.lsp.settings import Settings
from newslint.lsp.source_files import SourceFiles
from newslint.lsp.store import DocumentStore, OpenDocument, path_of
from newslint.lsp.toml_edit import target_file, with_ignored, with_known, with_spelling
from newslint.lsp.watchers import source_watchers
from newslint.watch import Cancelled, Watch

WARM_UP = Source(
    "warm-up.txt", b"The minister said on Monday that 290 kilometers (180 miles) of road had reopened.", Config()
)
PROGRESS_AFTER = 0.5  # seconds: a lint still running then gets a progress report


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
        self.pending_problems: list[str] = []  # settings problems, shown once initialised
        self._watching: set[str] = set()  # the ids of the file watchers the client holds
        self._gave_way: set[str] = set()  # buffers whose lint gave way once: the next runs to its end

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

    async def watch(self, registration: str, watchers: list[types.FileSystemWatcher]) -> None:
        """Have the client watch these files (`registration` names them; a new set replaces the
        old), when it can watch files for the server."""
        watching = getattr(self.client_capabilities.workspace, "did_change_watched_files", None)
        if watching is None or not watching.dynamic_registration:
            return
        with contextlib.suppress(Exception):  # a client that cannot: a save in the editor still counts
            if registration in self._watching:
                self._watching.discard(registration)
                unregistration = types.Unregistration(id=registration, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
                await self.client_unregister_capability_async(
                    types.UnregistrationParams(unregisterations=[unregistration])
                )
            if watchers:
                options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
                entry = types.Registration(
                    id=registration, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
                )
                await self.client_register_capability_async(types.RegistrationParams(registrations=[entry]))
                self._watching.add(registration)

    async def watch_sources(self) -> None:
        watching = getattr(self.client_capabilities.workspace, "did_change_watched_files", None)
        relative = bool(getattr(watching, "relative_pattern_support", False))
        await self.watch("newslint-sources", source_watchers(self.settings.sources, self.roots(), relative))

    async def warm_up(self) -> None:
        """Load the model (and the rules' data) before the first buffer needs it, then leave
        what they hold out of the garbage collector's full passes: walking the model's objects
        on each pass would stall an edit's lint by tens of milliseconds."""
        async with work_done(self, "newslint", "loading the language model"):
            try:
                await self.scheduler.run(self.linter.lint, [WARM_UP])
            except NewslintError as err:
                self.show(str(err), types.MessageType.Error)
            else:
                gc.freeze()

    def lints_on_change(self, document: OpenDocument) -> bool:
        """Whether an edit lints `document` (else only opening and saving it do)."""
        return self.settings.check_on == "change" and document.size() <= self.settings.save_only_bytes

    def superseded(self, snapshot: OpenDocument) -> bool:
        """Whether the buffer was edited or closed since `snapshot` (asked from the lint thread)."""
        current = self.store.get(snapshot.uri)
        return current is None or current.version != snapshot.version

    def stop_reason(self, snapshot: OpenDocument, started: float) -> str | bool:
        """Why the lint of `snapshot` should stop now, if it should: a newer edit or a close, or,
        once it has run PROGRESS_AFTER seconds, another lint waiting for the thread (once: two
        long lints never take turns for ever)."""
        if self.superseded(snapshot):
            return "the buffer changed"
        waited = time.monotonic() - started > PROGRESS_AFTER and self.scheduler.waiting()
        if waited and snapshot.uri not in self._gave_way:
            return "another buffer goes first"
        return False

    def lint_job(self, snapshot: OpenDocument, report: Callable[[int], None] | None = None) -> LintResult | None:
        """On the lint thread: the configuration, the sources and the engine, for one version.
        The lint stops (`Cancelled`) as soon as `stop_reason` gives a reason."""
        if self.superseded(snapshot):
            return None  # superseded or closed while queued
        started = time.monotonic()
        config, config_error = self.configs.for_path(snapshot.path)
        problems = [f"{config_error}; using the default configuration until it is fixed"] if config_error else []
        against = None
        if self.settings.sources:
            against, errors = self.source_files.load(self.settings.sources, self.roots(), self.configs, snapshot.path)
            problems += [str(e) for e in errors]
            if not against:
                problems.append(f"no source files match the sources setting {list(self.settings.sources)}")
        watch = Watch(lambda: self.stop_reason(snapshot, started), progress_percentage(report) if report else None)
        outcome = lint_open_document(
            self.linter, snapshot, config, against, self.encoding, self.configs.generation, watch
        )
        outcome.errors = problems + outcome.errors
        return outcome

    async def lint_and_publish(self, uri: str) -> None:
        document = self.store.get(uri)
        if document is None:
            return
        size = document.size()
        if size > self.settings.max_bytes:
            self.show(
                f"{document.path}: {size:,} bytes is over the server's limit of {self.settings.max_bytes:,}"
                " (setting maxBytes); not linted. Use `newslint check` on it instead."
            )
            self.publish(LintResult(uri, document.version, result_id(document.text, self.configs.generation), None))
            return
        if size > self.settings.save_only_bytes and self.settings.check_on == "change":
            self.show(
                f"{document.path}: {size:,} bytes is over {self.settings.save_only_bytes:,} (setting"
                " saveOnlyBytes); it is linted in the background when opened and saved, not as you type."
            )
        snapshot = OpenDocument(uri, document.text, document.version)
        try:
            outcome = await self.run_lint(snapshot)
        except Cancelled:  # a newer edit or a close stopped it, or it gave way to another lint
            if self.superseded(snapshot):
                self._gave_way.discard(uri)
            else:
                self._gave_way.add(uri)
                self.scheduler.schedule(uri, 0)  # after the lints it gave way to
            return
        except NewslintError as err:  # the model cannot load
            self.show(str(err), types.MessageType.Error)
            return
        self._gave_way.discard(uri)
        current = self.store.get(uri)
        if outcome is None or current is None or current.version != snapshot.version:
            return  # a newer edit or a close superseded this lint: drop it
        self.results[uri] = outcome
        for problem in outcome.errors:
            self.show(problem)
        if self.push:
            self.publish(outcome)

    async def run_lint(self, snapshot: OpenDocument) -> LintResult | None:
        """`lint_job` on the lint thread; one still running after PROGRESS_AFTER seconds gets a
        progress report, its percentage from the paragraphs parsed and the rules run. Superseded
        while reported, it ends the report once the job has stopped."""
        latest: list[int] = [0]
        send: list[Callable[[int], None]] = []

        def report(percentage: int) -> None:  # on the lint thread
            latest[0] = percentage
            for target in send:
                target(percentage)

        job = asyncio.ensure_future(self.scheduler.run(self.lint_job, snapshot, report))
        await asyncio.wait({job}, timeout=PROGRESS_AFTER)
        if not job.done():
            async with work_done(self, "newslint", f"linting {Path(snapshot.path).name}") as target:
                send.append(target)
                target(latest[0])
                try:
                    await asyncio.shield(job)
                except asyncio.CancelledError:
                    await asyncio.wait({job})
                    if not job.cancelled() and isinstance(job.exception(), Cancelled):
                        raise job.exception() from None
                    raise
        return job.result()

    def publish(self, outcome: LintResult) -> None:
        diagnostics = CONVERTER.structure(outcome.diagnostics, list[types.Diagnostic])
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=outcome.uri, diagnostics=diagnostics, version=outcome.version)
        )

    def lint_all(self) -> None:
        for document in self.store:
            if not is_config_file(document.path):
                self.scheduler.schedule(document.uri, 0)

    def bound_cache(self) -> None:
        """Keep as many paragraphs' analysis as the `cacheParagraphs` setting says (a new bound
        starts an empty cache; the model stays loaded)."""
        if self.linter.analyzer.cache_size != self.settings.cache_paragraphs:
            self.linter = Linter.keeping(self.settings.cache_paragraphs)

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
        await self.edit_configuration(
            uri,
            f"Disable {code}",
            f"add {code} to 'ignore'",
            lambda text, pyproject: with_ignored(text, code, pyproject),
        )

    async def accept_spelling(self, uri: str, section: str, old: str, use: str) -> None:
        """Add `old = use` to `[section] spellings` in the configuration that governs `uri`."""
        await self.edit_configuration(
            uri,
            f"Spell '{use}'",
            f"add {old} = {use!r} to [{section}] spellings",
            lambda text, pyproject: with_spelling(text, section, old, use, pyproject),
        )

    async def accept_known(self, uri: str, section: str, name: str) -> None:
        """Add `name` to `[section] known` in the configuration that governs `uri`."""
        await self.edit_configuration(
            uri,
            f"Know '{name}'",
            f"add {name!r} to [{section}] known",
            lambda text, pyproject: with_known(text, section, name, pyproject),
        )

    async def edit_configuration(self, uri: str, label: str, what: str, edit: Callable[[str, bool], str]) -> None:
        """`edit` the configuration that governs `uri` (a new newslint.toml in its workspace folder
        if none): in the editor's buffer when it holds the file (saving it reloads), else on disk,
        then reload and lint the open drafts again."""
        path = path_of(uri)
        config, _ = self.configs.for_path(path)
        target = target_file(config.path, self.folder_of(path))
        open_config = self.store.get(target.resolve().as_uri()) or self.store.get(target.as_uri())
        try:
            before = open_config.text if open_config else target.read_text("utf-8") if target.is_file() else ""
            after = edit(before, target.name == "pyproject.toml")
        except Exception as err:  # unreadable, or not TOML: say so, change nothing
            self.show(f"{target}: cannot {what}: {err}", types.MessageType.Error)
            return
        if open_config:
            end = open_config.positions().lsp_position(len(before), self.encoding)
            whole = {"start": {"line": 0, "character": 0}, "end": {"line": end[0], "character": end[1]}}
            await self.apply(label, workspace_edit(open_config.uri, [{"range": whole, "newText": after}]))
            return
        write_atomically(target, after)
        self.reload()


def write_atomically(path: Path, text: str) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)
