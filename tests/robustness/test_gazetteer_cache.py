"""The gazetteer's cache file: it can never run code, and a bad one is rebuilt and replaced."""

from __future__ import annotations

import errno
import json
import os
import pickle
import tempfile
from pathlib import Path

import pytest

from newslint import cachefile
from newslint import gazetteer as module
from newslint.gazetteer import FORMAT, Gazetteer, build, cache_digest, cache_path, gazetteer
from tests.conftest import run_cli


def permissions_bind() -> bool:
    """False when this process may read a file whose mode forbids it (root, for one)."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("")
        probe.chmod(0)
        try:
            probe.read_text()
        except PermissionError:
            return True
        return False


UNBOUND = not permissions_bind()
NAMES = ("Najin", "Kiev", "Moscow", "Georgia", "Sao Paulo", "Düsseldorf", "Nowhereville")


class Planted:
    """Unpickling this creates the file `marker`: what a crafted cache file could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture(scope="module")
def fresh() -> Gazetteer:
    return build()


@pytest.fixture(scope="module")
def valid_text(fresh) -> str:
    return json.dumps({"format": FORMAT, "digest": cache_digest(), "data": fresh.to_json()})


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def path(folder) -> Path:
    folder.mkdir()
    return cache_path(cache_digest())


@pytest.fixture
def builds(monkeypatch, fresh) -> list[int]:
    """Every build the gazetteer asks for (each one served by the same fresh build)."""
    calls: list[int] = []
    monkeypatch.setattr(module, "build", lambda: calls.append(1) or fresh)
    return calls


def kept(monkeypatch) -> Gazetteer:
    """What the next run reads from the cache file; the test fails if it would have to build."""
    monkeypatch.setattr(module, "build", lambda: pytest.fail("the cache file was not usable"))
    return gazetteer.__wrapped__()


def assert_same_lookups(index: Gazetteer, fresh: Gazetteer) -> None:
    assert index == fresh
    for name in NAMES:
        assert index.lookup(name) == fresh.lookup(name), name


def assert_rebuilt_and_replaced(path: Path, builds: list[int], fresh: Gazetteer, monkeypatch) -> None:
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert builds == [1]
    assert path.is_file() and not path.is_symlink()
    assert_same_lookups(kept(monkeypatch), fresh)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_the_planted_pickle_runs_code_when_unpickled(tmp_path):
    marker = tmp_path / "marker"
    pickle.loads(pickle.dumps(Planted(marker)))
    assert marker.exists()


@pytest.mark.parametrize("suffix", [".pickle", ".json"])
def test_a_planted_pickle_is_never_unpickled(suffix, path, builds, fresh, monkeypatch, tmp_path):
    marker = tmp_path / "marker"
    path.with_suffix(suffix).write_bytes(pickle.dumps(Planted(marker)))
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert not marker.exists()
    assert builds == [1]
    assert_same_lookups(kept(monkeypatch), fresh)


def test_the_command_line_runs_past_planted_pickles(path, tmp_path):
    marker = tmp_path / "marker"
    for suffix in (".pickle", ".json"):
        path.with_suffix(suffix).write_bytes(pickle.dumps(Planted(marker)))
    draft = tmp_path / "draft.txt"
    draft.write_text("Cargo left the port of Najin on Monday. Later it was shipped from Nakhin, North Korea.\n")
    result = run_cli("check", "--select", "NL201", str(draft))
    assert result.returncode == 1, result.stderr
    assert b"NL201" in result.stdout
    assert not marker.exists()
    assert json.loads(path.read_bytes())["format"] == FORMAT


def changed(valid_text: str, change) -> dict:
    whole = json.loads(valid_text)
    change(whole, whole["data"])
    return whole


def drop(mapping: dict, key: str) -> None:
    del mapping[key]


BAD_BYTES = {
    "empty": b"",
    "garbage": b"\x80\x04\x95\x00\xffnot json at all\x00",
    "not UTF-8": b'{"format": 1, "digest": "\xff\xfe"}',
    "a JSON list": b"[1, 2, 3]",
    "nested too deep": b"[" * 100_000,
}

BAD_DOCUMENTS = {
    "a newer format": lambda whole, data: whole.update(format=FORMAT + 1),
    "the format as true": lambda whole, data: whole.update(format=True),
    "another digest": lambda whole, data: whole.update(digest="0" * 16),
    "no digest": lambda whole, data: drop(whole, "digest"),
    "an extra field": lambda whole, data: whole.update(code="print(1)"),
    "a population as text": lambda whole, data: data["columns"][4].__setitem__(0, "1000"),
}

BAD_DATA = {
    "no data": lambda whole, data: whole.update(data=None),
    "no tiers": lambda whole, data: drop(data, "tiers"),
    "three tiers": lambda whole, data: data["tiers"].pop(),
    "a population as a float": lambda whole, data: data["columns"][4].__setitem__(0, 1.5),
    "a population as true": lambda whole, data: data["columns"][4].__setitem__(0, True),
    "a name as a number": lambda whole, data: data["columns"][1].__setitem__(0, 7),
    "a column short": lambda whole, data: data["columns"][2].pop(),
    "an unknown kind": lambda whole, data: data["columns"][3].__setitem__(0, "planet"),
    "an index past the end": lambda whole, data: data["tiers"][2][1].__setitem__(0, len(data["columns"][0])),
    "a negative index": lambda whole, data: data["tiers"][2][1].__setitem__(0, -1),
    "an index as text": lambda whole, data: data["tiers"][2][1].__setitem__(0, "0"),
    "an empty list of places": lambda whole, data: data["tiers"][2][1].__setitem__(0, []),
    "a list of places past the end": lambda whole, data: data["tiers"][2][1].__setitem__(0, [0, 10**9]),
    "a nested list of places": lambda whole, data: data["tiers"][2][1].__setitem__(0, [[0]]),
    "a place in a list as true": lambda whole, data: data["tiers"][2][1].__setitem__(0, [0, True]),
    "a place in a list as text": lambda whole, data: data["tiers"][2][1].__setitem__(0, [0, "1"]),
    "a place as true": lambda whole, data: data["tiers"][2][1].__setitem__(0, True),
    "more names than places": lambda whole, data: data["tiers"][3][0].append("atlantis"),
    "a tier as an object": lambda whole, data: data["tiers"].__setitem__(0, {"najin": 0}),
    "spellings missing for a country": lambda whole, data: data["by_country"]["US"][1].pop(),
    "by-country as a list": lambda whole, data: data.update(by_country=[]),
}


@pytest.fixture(params=[*BAD_BYTES, *BAD_DOCUMENTS, "truncated"])
def bad_file(request, valid_text) -> bytes:
    if request.param == "truncated":
        return valid_text.encode()[: len(valid_text) // 2]
    if request.param in BAD_BYTES:
        return BAD_BYTES[request.param]
    return json.dumps(changed(valid_text, BAD_DOCUMENTS[request.param])).encode()


def test_a_bad_file_is_rebuilt_and_replaced(bad_file, path, builds, fresh, monkeypatch):
    path.write_bytes(bad_file)
    assert_rebuilt_and_replaced(path, builds, fresh, monkeypatch)


@pytest.mark.parametrize("change", BAD_DATA.values(), ids=BAD_DATA)
def test_malformed_index_data_is_refused(change, valid_text):
    with pytest.raises(ValueError):
        Gazetteer.from_json(changed(valid_text, change)["data"])


def test_a_good_file_is_read_without_building(path, builds, fresh, monkeypatch, valid_text):
    path.write_text(valid_text)
    assert_same_lookups(kept(monkeypatch), fresh)


def test_an_oversized_file_is_not_read(path, builds, fresh, monkeypatch, valid_text):
    path.write_text(valid_text)
    monkeypatch.setattr(cachefile, "MAX_BYTES", len(valid_text) - 1)
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert builds == [1]


def test_a_symlink_is_not_followed(path, builds, fresh, monkeypatch, tmp_path, valid_text):
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(valid_text)
    path.symlink_to(elsewhere)
    assert_rebuilt_and_replaced(path, builds, fresh, monkeypatch)
    assert elsewhere.read_text() == valid_text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_not_read(path, builds, fresh, monkeypatch):
    os.mkfifo(path)
    assert_rebuilt_and_replaced(path, builds, fresh, monkeypatch)


def test_a_folder_where_the_file_should_be_means_building_each_time(path, builds, fresh):
    (path / "inside").mkdir(parents=True)
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert builds == [1, 1]
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert (path / "inside").is_dir()


@pytest.mark.skipif(UNBOUND, reason="this user reads any file")
def test_an_unreadable_file_is_rebuilt_and_replaced(path, builds, fresh, monkeypatch, valid_text):
    path.write_text(valid_text)
    path.chmod(0)
    assert_rebuilt_and_replaced(path, builds, fresh, monkeypatch)


@pytest.mark.skipif(UNBOUND, reason="this user writes into any folder")
def test_a_read_only_cache_folder_means_building_each_time(path, builds, fresh):
    path.parent.chmod(0o555)
    try:
        assert_same_lookups(gazetteer.__wrapped__(), fresh)
        assert_same_lookups(gazetteer.__wrapped__(), fresh)
        assert list(path.parent.iterdir()) == []
    finally:
        path.parent.chmod(0o755)
    assert builds == [1, 1]


def test_an_unwritable_cache_setting_means_building_each_time(tmp_path, monkeypatch, builds, fresh):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert builds == [1, 1]
    assert blocker.read_text() == "not a folder"


class HalfWritten:
    """A file that takes half of what is written, then fails with `error`."""

    def __init__(self, handle, error: BaseException) -> None:
        self.handle = handle
        self.error = error

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.handle.close()

    def write(self, text: str) -> int:
        self.handle.write(text[: len(text) // 2])
        self.handle.flush()
        raise self.error


def fail_writes(monkeypatch, error: BaseException) -> None:
    opened = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: HalfWritten(opened(*args, **kwargs), error))


def test_a_full_disk_mid_write_leaves_no_temporary_file(folder, builds, fresh, monkeypatch):
    fail_writes(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert list(folder.iterdir()) == []


def test_a_refused_replace_leaves_no_temporary_file(path, builds, fresh, monkeypatch):
    path.write_bytes(b"garbage")

    def refuse(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert_same_lookups(gazetteer.__wrapped__(), fresh)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert path.read_bytes() == b"garbage"


def test_an_interrupted_write_leaves_no_temporary_file_and_is_not_hidden(folder, builds, monkeypatch):
    fail_writes(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        gazetteer.__wrapped__()
    assert list(folder.iterdir()) == []


def test_older_versions_are_pruned_when_an_index_is_built(path, builds, fresh):
    folder = path.parent
    for age, name in enumerate(
        [
            "gazetteer-0000000000000001.json",
            "gazetteer-0000000000000002.json",
            "gazetteer-0000000000000003.json",
            "gazetteer-6f2544d698ddbeb5.pickle",
        ]
    ):
        (folder / name).write_text("{}")
        os.utime(folder / name, (1_000_000 + age, 1_000_000 + age))
    (folder / "notes.txt").write_text("not ours")
    gazetteer.__wrapped__()
    assert builds == [1]
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(
        [path.name, "gazetteer-0000000000000002.json", "gazetteer-0000000000000003.json", "notes.txt"]
    )
