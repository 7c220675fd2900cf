"""JSON text of the crates' serde forms, from Python data (private).

Dates become ISO dates; aware datetimes become RFC 3339 instants; a naive
datetime is left to the engine, which refuses it (``input.invalid_json``)
rather than guess its zone.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def text(value: Any) -> str:
    """``value`` itself when it is a ``str`` (JSON text), else its JSON."""
    if isinstance(value, str):
        return value
    return _json.dumps(value, default=_default, ensure_ascii=False)
