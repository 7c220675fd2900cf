"""``edurules.absence``: absence risk selections over Arrow data.

:func:`evaluate` takes any Arrow source through the Arrow PyCapsule interface
(``__arrow_c_stream__``: a pyarrow ``Table`` or ``RecordBatchReader``, a Polars
``DataFrame``, a DuckDB relation), streams it batch by batch into the engine
(no Python object per row, the GIL released while folding) and returns the
flags as a ``pyarrow.Table``. See the stub ``absence.pyi`` for the columns.
"""

from __future__ import annotations

import datetime
from typing import Any, Optional, Protocol, Tuple

from ._edurules import absence as _native


class ArrowStreamSource(Protocol):
    """Anything with the Arrow PyCapsule stream interface: a pyarrow Table or
    RecordBatchReader, a Polars DataFrame, a DuckDB relation. For annotations;
    :func:`evaluate` checks for ``__arrow_c_stream__`` itself."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...


PROFILES: Tuple[str, ...] = tuple(_native.PROFILES)
"""The names of the built-in rule profiles ``profile=`` takes."""

_ROSTER_COLUMNS = ("pupil_id", "school_id", "level", "grade")


def _roster_from(data: Any) -> Tuple[Any, Any]:
    """The records as one pyarrow Table and the roster taken from their own
    ``school_id``, ``level`` (and ``grade``) columns: one row per distinct
    pupil. A pupil with two different schools or levels is refused by the
    engine (``absence.duplicate_pupil``)."""
    import pyarrow as pa

    if not hasattr(data, "__arrow_c_stream__"):
        # Let the engine raise its typed error (python.not_arrow).
        return data, data
    table = pa.table(data)
    names = [c for c in _ROSTER_COLUMNS if c in table.column_names]
    roster = table.select(names).group_by(names, use_threads=False).aggregate([])
    return table, roster


def evaluate(
    data: Any,
    *,
    window: Tuple[datetime.date, datetime.date],
    profile: str = "bg-isrm",
    roster: Optional[Any] = None,
    planned: Optional[Any] = None,
    locale: Optional[str] = None,
    threads: Optional[int] = None,
) -> Any:
    """The flags of the absence records ``data`` as a ``pyarrow.Table``.

    >>> import datetime, pyarrow as pa, edurules
    >>> records = pa.table({"pupil_id": [1, 1], "date": [datetime.date(2018, 2, 1)] * 2,
    ...                     "amount": [40.0, 0.5], "kind": ["unexcused", "unexcused"]})
    >>> roster = pa.table({"pupil_id": [1], "school_id": ["SU-7"], "level": ["school"]})
    >>> flags = edurules.absence.evaluate(records, roster=roster,
    ...     window=(datetime.date(2017, 9, 15), datetime.date(2018, 6, 1)))
    >>> flags.column("rule").to_pylist(), flags.column("measured").to_pylist()
    (['bg.isrm.unexcused'], ['40.5'])
    """
    if roster is None:
        data, roster = _roster_from(data)
    return _native.evaluate(
        data,
        roster=roster,
        window=window,
        profile=profile,
        planned=planned,
        locale=locale,
        threads=threads,
    )


__all__ = ["PROFILES", "ArrowStreamSource", "evaluate"]
