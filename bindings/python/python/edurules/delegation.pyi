import datetime as _dt
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ._edurules import Config

ConfigLike = Union[Config, str, None]
JsonLike = Union[str, Mapping[str, Any]]
Query = Tuple[str, str, str, _dt.date]

@dataclass(frozen=True)
class RuleViolation:
    code: str
    message: str
    rule: str
    legal_basis: str

@dataclass(frozen=True)
class RefusedEvent:
    index: int
    violations: Tuple[RuleViolation, ...]

@dataclass(frozen=True)
class Decision:
    allowed: bool
    explanation: Tuple[str, ...]
    decision: Mapping[str, Any]
    def __bool__(self) -> bool: ...

@dataclass(frozen=True)
class Allowed:
    person: str
    chain: Mapping[str, Any]

@dataclass(frozen=True)
class Access:
    entity: str
    permission: str
    chain: Mapping[str, Any]

@dataclass(frozen=True)
class Expiring:
    source: Mapping[str, Any]
    person: str
    entity: str
    last_day: _dt.date

class Registry:
    # Made by `Registry.open`: the constructor's arguments are the native registry and its
    # refused events.
    def __init__(self, inner: Any, refused: Tuple[RefusedEvent, ...]) -> None: ...
    @classmethod
    def open(
        cls,
        events: Union[str, Sequence[Mapping[str, Any]], None] = ...,
        *,
        policy: Optional[JsonLike] = ...,
        config: ConfigLike = ...,
        locale: Optional[str] = ...,
    ) -> Registry: ...
    @property
    def refused(self) -> Tuple[RefusedEvent, ...]: ...
    def apply(self, event: JsonLike, *, locale: Optional[str] = ...) -> int: ...
    def decide(
        self,
        person: str,
        permission: str,
        entity: str,
        at: _dt.date,
        *,
        explain: bool = ...,
        locale: Optional[str] = ...,
    ) -> Decision: ...
    def decide_many(self, queries: Sequence[Query], *, locale: Optional[str] = ...) -> List[bool]: ...
    def who_may(
        self, permission: str, entity: str, at: _dt.date, *, locale: Optional[str] = ...
    ) -> List[Allowed]: ...
    def what_may(self, person: str, at: _dt.date, *, locale: Optional[str] = ...) -> List[Access]: ...
    def expiring_before(self, at: _dt.date, before: _dt.date) -> List[Expiring]: ...
    def export(self) -> List[Dict[str, Any]]: ...
    def export_json(self) -> str: ...
    def __len__(self) -> int: ...

__all__ = [
    "Access",
    "Allowed",
    "Decision",
    "Expiring",
    "RefusedEvent",
    "Registry",
    "RuleViolation",
]
