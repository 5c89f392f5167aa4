"""Every message a reader sees, one module per domain, all in one shape: `MESSAGES: dict[str, tuple[str, str]]`, a key
→ (zh, en). A new module here joins the catalogue by itself; a key defined in two modules stops the import."""

import importlib
import pkgutil
from types import MappingProxyType


def load_domains() -> dict[str, dict[str, tuple[str, str]]]:
    """Each domain module's MESSAGES by the module's name, in name order (every module of this package)."""
    return {
        info.name: importlib.import_module(f"{__name__}.{info.name}").MESSAGES
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
    }


def merge(domains: dict[str, dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """One table of every domain's messages; a key in two domains, or an entry that is not a (zh, en) pair of texts,
    raises ValueError naming it."""
    merged: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for domain, messages in domains.items():
        for key, pair in messages.items():
            if key in merged:
                raise ValueError(f"message {key!r} is defined twice: in messages/{owner[key]}.py and {domain}.py")
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(text, str) for text in pair)):
                raise ValueError(f"message {key!r} in messages/{domain}.py is not a (zh, en) pair of texts")
            merged[key], owner[key] = pair, domain
    return merged


DOMAINS = MappingProxyType(load_domains())
MESSAGES = MappingProxyType(merge(dict(DOMAINS)))
