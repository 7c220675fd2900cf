import datetime as _dt
from typing import Any, Literal, Mapping, Optional, Tuple, Union

from ._edurules import Config

ConfigLike = Union[Config, str, None]

class Submission:
    due_date: _dt.date
    nominal_due: _dt.date
    explanation: str
    legal_basis: str
    lateness: Optional[Mapping[str, Any]]
    details: Mapping[str, Any]
    def __init__(
        self,
        due_date: _dt.date,
        nominal_due: _dt.date,
        explanation: str,
        legal_basis: str,
        lateness: Optional[Mapping[str, Any]],
        details: Mapping[str, Any],
    ) -> None: ...

class DayOff:
    date: _dt.date
    reason: Literal["saturday", "sunday", "holiday", "other"]
    holiday: Optional[str]
    name: Optional[str]
    def __init__(
        self, date: _dt.date, reason: str, holiday: Optional[str] = ..., name: Optional[str] = ...
    ) -> None: ...

class Calendar:
    working_days: int
    days_off: Tuple[DayOff, ...]
    def __init__(self, working_days: int, days_off: Tuple[DayOff, ...]) -> None: ...

class TermEnd:
    end: _dt.date
    nominal_end: _dt.date
    explanation: str
    details: Mapping[str, Any]
    def __init__(
        self, end: _dt.date, nominal_end: _dt.date, explanation: str, details: Mapping[str, Any]
    ) -> None: ...

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
