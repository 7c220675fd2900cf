import datetime as _dt
from dataclasses import dataclass
from typing import Any, Literal, Mapping, Optional, Tuple, Union

from ._edurules import Config

ConfigLike = Union[Config, str, None]

@dataclass(frozen=True)
class Submission:
    due_date: _dt.date
    nominal_due: _dt.date
    explanation: str
    legal_basis: str
    lateness: Optional[Mapping[str, Any]]
    details: Mapping[str, Any]

@dataclass(frozen=True)
class DayOff:
    date: _dt.date
    reason: Literal["saturday", "sunday", "holiday", "other"]
    holiday: Optional[str] = ...
    name: Optional[str] = ...

@dataclass(frozen=True)
class Calendar:
    working_days: int
    days_off: Tuple[DayOff, ...]

@dataclass(frozen=True)
class TermEnd:
    end: _dt.date
    nominal_end: _dt.date
    explanation: str
    details: Mapping[str, Any]

def submission(
    category: str,
    change_date: _dt.date,
    *,
    submitted_on: Optional[_dt.date] = ...,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> Submission: ...
def calendar(start: _dt.date, end: _dt.date, *, locale: Optional[str] = ...) -> Calendar: ...
def term_end(
    event: _dt.date,
    count: int,
    unit: Literal["days", "weeks", "months", "years"] = ...,
    *,
    locale: Optional[str] = ...,
) -> TermEnd: ...

__all__ = [
    "Calendar",
    "DayOff",
    "Submission",
    "TermEnd",
    "calendar",
    "submission",
    "term_end",
]
