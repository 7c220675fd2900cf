"""``edurules.deadline``: SIO submission deadlines and civil-code terms.

Dates are ``datetime.date`` in and out (a ``datetime.datetime`` is refused,
so that no time or zone is dropped silently).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple, Union

from ._edurules import Config
from ._edurules import deadline as _native

ConfigLike = Union[Config, str, None]


@dataclass(frozen=True)
class Submission:
    """The deadline of a change: the last day to submit (``due_date``),
    the day before moving off days off (``nominal_due``), the counting
    explained and the legal basis in the chosen language, the lateness of a
    given submission (``{"status": "on_time", "days_to_spare": n}`` or
    ``{"status": "late", "days_late": n}``), and the whole computation."""

    due_date: _dt.date
    nominal_due: _dt.date
    explanation: str
    legal_basis: str
    lateness: Optional[Mapping[str, Any]]
    details: Mapping[str, Any]


@dataclass(frozen=True)
class DayOff:
    """A day that is not a working day: ``reason`` is ``saturday``,
    ``sunday`` or ``holiday`` (then ``holiday`` is its code and ``name`` its
    name in the chosen language)."""

    date: _dt.date
    reason: str
    holiday: Optional[str] = None
    name: Optional[str] = None


@dataclass(frozen=True)
class Calendar:
    """Working days in a range (Poland) and every day off, in order."""

    working_days: int
    days_off: Tuple[DayOff, ...]


@dataclass(frozen=True)
class TermEnd:
    """The last day of a term (``end``), the day before art. 115 KC moved
    it (``nominal_end``), the counting explained, and the computation."""

    end: _dt.date
    nominal_end: _dt.date
    explanation: str
    details: Mapping[str, Any]


def submission(
    category: str,
    change_date: _dt.date,
    *,
    submitted_on: Optional[_dt.date] = None,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> Submission:
    """The last day to submit a change of ``category`` (as the rules spell
    it, e.g. ``"art. 8 pkt 1 lit. d"``) that happened on ``change_date``,
    under the version of art. 30 of the SIO act in force that day."""
    return Submission(
        *_native.submission(
            category, change_date, submitted_on=submitted_on, config=config, locale=locale
        )
    )


def calendar(start: _dt.date, end: _dt.date, *, locale: Optional[str] = None) -> Calendar:
    """Working days and days off from ``start`` to ``end``, both included
    (at most 3,660 days)."""
    working, days_off = _native.calendar(start, end, locale=locale)
    return Calendar(working, tuple(DayOff(*d) for d in days_off))


def term_end(
    event: _dt.date, count: int, unit: str = "days", *, locale: Optional[str] = None
) -> TermEnd:
    """The last day of a term of ``count`` ``unit`` (``days``, ``weeks``,
    ``months``, ``years``) from ``event``, which is not counted (art. 111
    § 2 KC), moved off Sundays, Saturdays and public holidays (art. 115 KC)."""
    return TermEnd(*_native.term_end(event, count, unit, locale=locale))


__all__ = ["Calendar", "DayOff", "Submission", "TermEnd", "calendar", "submission", "term_end"]
