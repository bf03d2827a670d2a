"""scikit-learn's English stop words, without importing scikit-learn.

Importing the list the usual way imports all of scikit-learn and scipy (about a second: most of what
`debate parse` takes on a small page); the list lives in a module that imports nothing, so we load that
one file. Any surprise (another layout, a frozen install) falls back to the import.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def load_english_stop_words() -> frozenset[str]:
    """scikit-learn's ENGLISH_STOP_WORDS, read from the module that defines it (uncached)."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("sklearn")  # locates the package without running it
        path = Path(next(iter(spec.submodule_search_locations))) / "feature_extraction" / "_stop_words.py"
        file_spec = importlib.util.spec_from_file_location("_debate_sklearn_stop_words", path)
        module = importlib.util.module_from_spec(file_spec)
        file_spec.loader.exec_module(module)
        return frozenset(module.ENGLISH_STOP_WORDS)
    except Exception:  # noqa: BLE001 - any failure: the ordinary (slow) import gives the same list
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (loaded once per process). Functions run per thread or per comment
    call this rather than import the name in their body: an import statement costs about 0.7 us even when
    the module is loaded, this look-up a twentieth of it."""
    return load_english_stop_words()
