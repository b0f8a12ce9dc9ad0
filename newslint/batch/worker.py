"""A chunk linted on a Dask worker: the model loaded once per worker by a plugin."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from distributed import WorkerPlugin, get_worker

from newslint.batch.chunks import Chunk
from newslint.batch.results import ChunkTotals, write_chunk
from newslint.batch.stories import Story
from newslint.diagnostics import FileResult
from newslint.document import Document
from newslint.engine import Linter, Source
from newslint.errors import NewslintError
from newslint.parallel import chunk_analyzer

PLUGIN = "newslint-linter"
WARM_UP = b"The model loads once per worker.\n"


class StoryLinter(Linter):
    """A Linter whose documents carry their story's metadata (an archive's `date` dates the story)."""

    def __init__(self):
        super().__init__(chunk_analyzer(None))
        self.metadata: dict[str, dict[str, str]] = {}

    def read(self, sources: Sequence[Source]) -> tuple[list, list[NewslintError]]:
        documents, errors = super().read(sources)
        for document, _ in documents:
            for key, value in self.metadata.get(document.path, {}).items():
                document.metadata.setdefault(key, value)
        return documents, errors

    def lint_stories(self, stories: Sequence[Story]) -> tuple[list[FileResult], list[NewslintError]]:
        readable = [s for s in stories if s.error is None]
        self.metadata = {s.id: s.metadata for s in readable}
        results, errors = self.lint([Source(s.id, s.data, s.config) for s in readable])
        return results, [NewslintError(s.id, s.error) for s in stories if s.error is not None] + errors


class LinterPlugin(WorkerPlugin):
    """Gives each worker one StoryLinter, its model loaded before the first chunk arrives."""

    name = PLUGIN
    idempotent = True

    def __init__(self, warm_with: Story | None = None):
        self.warm_with = warm_with
        self.linter: StoryLinter | None = None

    def setup(self, worker) -> None:
        self.linter = StoryLinter()
        if self.warm_with is not None:
            with contextlib.suppress(NewslintError):  # the first chunk meets it again and reports it
                self.linter.lint_stories([self.warm_with])


def worker_linter() -> StoryLinter:
    plugin = get_worker().plugins.get(PLUGIN)
    if plugin is None or plugin.linter is None:  # a worker that joined without the plugin
        plugin = LinterPlugin()
        plugin.setup(None)
        get_worker().plugins[PLUGIN] = plugin
    return plugin.linter


def words(document: Document) -> int:
    return len(document.prose.split())


def lint_chunk(chunk: Chunk, folder: str) -> str:
    """Lint the chunk's stories and write its file into `folder`; returns the file's name."""
    results, errors = worker_linter().lint_stories(chunk.stories)
    totals = ChunkTotals(len(chunk.stories), sum(words(r.document) for r in results), [str(e) for e in errors])
    write_chunk(Path(folder) / chunk.name, results, totals)
    return chunk.name
