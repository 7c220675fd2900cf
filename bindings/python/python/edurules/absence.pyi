"""Typed API of ``edurules.absence``."""

import datetime
from typing import Any, Optional, Protocol, Tuple

import pyarrow

class ArrowStreamSource(Protocol):
    """Anything with the Arrow PyCapsule stream interface: a pyarrow Table or
    RecordBatchReader, a Polars DataFrame, a DuckDB relation."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...

PROFILES: Tuple[str, ...]
"""``("bg-isrm", "pl-compulsory-schooling", "chronic-absence")``."""

def evaluate(
    data: ArrowStreamSource,
    *,
    window: Tuple[datetime.date, datetime.date],
    profile: str = "bg-isrm",
    roster: Optional[ArrowStreamSource] = None,
    planned: Optional[ArrowStreamSource] = None,
    locale: Optional[str] = None,
    threads: Optional[int] = None,
) -> pyarrow.Table:
    """The flags of the absence records ``data`` over ``window`` (both ends
    included), one row per finding of each flag.

    ``data``: columns ``pupil_id``, ``date`` (``date32``), ``amount`` (or
    ``hours``), ``kind`` (``excused``/``unexcused``/``late``), optional
    ``unit`` and ``lesson``: the absence crate's ``arrow::record_schema``.
    Streamed batch by batch: memory O(pupils), not O(records).

    ``roster``: ``pupil_id``, ``school_id``, ``level`` (``preschool`` or
    ``school``), optional ``grade``. ``None``: taken from the records' own
    ``school_id``/``level``/``grade`` columns (the records are then read
    whole into one pyarrow Table first).

    ``profile``: a preset name (:data:`PROFILES`) or the text of an edurules
    configuration (TOML, or JSON starting with ``{``) whose ``[absence]``
    section is the rule profile.

    ``planned``: the denominators of the percentage rules (the Polish rule of
    compulsory schooling: days of classes planned per month; chronic
    absence: school days over the window), the absence crate's
    ``arrow::planned_schema``: ``pupil_id``, ``unit`` (``hours``/``lessons``
    or ``days``), ``amount``, optional ``month`` (``"YYYY-MM"`` or a
    ``date32``; null: the whole window). ``None``: no planned amounts, so a
    percentage rule flags nobody.

    ``threads``: how many threads fold the batches; ``None``: the machine's
    cores. Big batches are cut into slices of 2**16 rows, and each thread
    takes a run of slices of about 2**20 rows: a slice whose pupils come in runs is folded into its
    thread's own counters, one in no pupil order is sorted out by pupil range
    and added range by range. The same threads write the sentences of the
    ``message`` column when there are over 4,096 flags. The result does not
    depend on it.

    ``locale``: ``"pl"``, ``"bg"`` or ``"en"`` (default) for the ``message``
    column and for error messages.

    Returns the columns of the crate's ``arrow::report_schema`` (``pupil_id``,
    ``school_id``, ``level``, ``grade``, ``rule``, ``counts``, ``unit``,
    ``first``, ``last``, ``month``, ``measured``, ``measured_sixtieths``,
    ``operator``, ``limit``, ``planned``) plus ``legal_basis`` and
    ``message`` (the flag's sentence in ``locale``); the schema metadata
    ``edurules.records``, ``edurules.counted``, ``edurules.unknown_pupil``,
    ``edurules.outside_window``, … count what the run read.

    Raises :class:`edurules.AbsenceError`: ``python.not_arrow`` (no Arrow
    interface), ``absence.arrow_missing_column``,
    ``absence.arrow_column_type``, ``absence.arrow_null``,
    ``absence.arrow_value``, ``absence.arrow_record`` (``details`` name the
    ``argument``, ``batch``, ``column`` and ``row``),
    ``absence.invalid_window``, ``absence.duplicate_pupil``,
    ``python.unknown_profile``, ``config.*`` for a bad configuration text,
    ``python.arrow_stream`` when the producer of a stream fails.
    """
    ...

__all__ = ["PROFILES", "ArrowStreamSource", "evaluate"]
