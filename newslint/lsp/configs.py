"""The configuration of each open document: discovered from its folder, reloaded on change.

Discovery walks up from each file (as `newslint check` does), so every workspace folder of a
multi-root workspace has its own `newslint.toml` or `[tool.newslint]`. A broken file is
reported and the defaults are used until it is fixed.
"""

from __future__ import annotations

from pathlib import Path

from newslint.config import Config, ConfigResolver
from newslint.errors import NewslintError

CONFIG_NAMES = ("newslint.toml", "pyproject.toml")


class WorkspaceConfigs:
    def __init__(self) -> None:
        self._resolver = ConfigResolver()
        self.generation = 0  # bumped on every reload, so results computed before it are stale

    def reload(self) -> None:
        self._resolver = ConfigResolver()
        self.generation += 1

    def for_path(self, path: str) -> tuple[Config, NewslintError | None]:
        """The configuration for `path`, or the defaults and the error that stopped discovery."""
        try:
            return self._resolver.for_path(Path(path)), None
        except NewslintError as err:
            return Config(), err


def is_config_file(path: str) -> bool:
    return Path(path).name in CONFIG_NAMES
