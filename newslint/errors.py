"""Errors that end in one clear line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import errno


class NewslintError(Exception):
    """A problem with the user's input or configuration, reported as `where: problem`."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def __reduce__(self):  # rebuilt from its two parts when it crosses to another process
        return type(self), (self.where, self.problem)


class InputError(NewslintError):
    """A file that cannot be read as prose."""


class ConfigError(NewslintError):
    """A configuration file with an unknown key, a wrong type or a syntax error."""


class ModelError(NewslintError):
    """No spaCy pipeline could be loaded."""


def os_problem(err: OSError) -> str:
    """A failed file operation in a few words: "symlink loop", "permission denied"."""
    if err.errno == errno.ELOOP:
        return "symlink loop"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    text = err.strerror or str(err)
    return text[:1].lower() + text[1:]
