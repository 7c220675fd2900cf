"""The crates' own table tests (``crates/*/tests/data``), read by the
Python tests so that the binding answers exactly what the crates answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CRATES = Path(__file__).resolve().parents[3] / "crates"


def table(crate: str, name: str) -> Any:
    """The data file ``name`` of ``edurules-<crate>``."""
    with open(CRATES / f"edurules-{crate}" / "tests" / "data" / name, encoding="utf-8") as f:
        return json.load(f)
