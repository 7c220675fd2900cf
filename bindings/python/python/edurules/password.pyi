import datetime as _dt
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from ._edurules import Config

ConfigLike = Union[Config, str, None]
JsonLike = Union[str, Mapping[str, Any]]

@dataclass(frozen=True)
class Violation:
    code: str
    message: str
    details: Mapping[str, Any] = ...

@dataclass(frozen=True)
class CheckResult:
    accepted: bool
    violations: Tuple[Violation, ...]
    def __bool__(self) -> bool: ...
    @property
    def codes(self) -> Tuple[str, ...]: ...

@dataclass(frozen=True)
class Verification:
    valid: bool
    needs_rehash: bool
    def __bool__(self) -> bool: ...

@dataclass(frozen=True)
class Status:
    code: str
    message: str
    requires_change: bool
    expires_at: Optional[_dt.datetime]
    days_left: Optional[int]
    status: Mapping[str, Any]

def check(
    password: str,
    *,
    user: Optional[JsonLike] = ...,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> CheckResult: ...
def hash(password: str, *, config: ConfigLike = ..., locale: Optional[str] = ...) -> Dict[str, Any]: ...
def verify(
    password: str,
    stored: JsonLike,
    *,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> Verification: ...
def account_state(stored: JsonLike, changed_at: _dt.datetime, *, locale: Optional[str] = ...) -> Dict[str, Any]: ...
def change(
    state: JsonLike,
    old: str,
    new: str,
    *,
    now: _dt.datetime,
    user: Optional[JsonLike] = ...,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> Dict[str, Any]: ...
def status(
    state: JsonLike,
    *,
    now: _dt.datetime,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> Status: ...

__all__ = [
    "CheckResult",
    "Status",
    "Verification",
    "Violation",
    "account_state",
    "change",
    "check",
    "hash",
    "status",
    "verify",
]
