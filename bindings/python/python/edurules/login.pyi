import datetime as _dt
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Literal, Mapping, Optional, Sequence, Union

from ._edurules import Config

ConfigLike = Union[Config, str, None]
Sex = Literal["female", "male"]

@dataclass(frozen=True)
class Pesel:
    number: str
    birth_date: _dt.date
    sex: Sex
    @classmethod
    def parse(cls, number: str, *, locale: Optional[str] = ...) -> Pesel: ...

@dataclass(frozen=True)
class Egn:
    number: str
    birth_date: _dt.date
    sex: Sex
    @classmethod
    def parse(cls, number: str, *, locale: Optional[str] = ...) -> Egn: ...

@dataclass(frozen=True)
class Classification:
    kind: Literal["canonical", "legacy_mixed_case", "invalid", "unknown"]
    code: Optional[str] = ...
    message: Optional[str] = ...

@dataclass(frozen=True)
class ConsolidationPlan:
    plan: Dict[str, Any]
    message: str

def pesel(number: str, *, locale: Optional[str] = ...) -> Pesel: ...
def egn(number: str, *, locale: Optional[str] = ...) -> Egn: ...
def normalize(login: str, *, config: ConfigLike = ..., locale: Optional[str] = ...) -> str: ...
def classify(login: str, *, config: ConfigLike = ..., locale: Optional[str] = ...) -> Classification: ...
def generate(
    given: str,
    surname: str,
    taken: Iterable[str] = ...,
    *,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> str: ...
def plan_consolidation(
    accounts: Union[str, Sequence[Mapping[str, Any]]],
    *,
    config: ConfigLike = ...,
    locale: Optional[str] = ...,
) -> ConsolidationPlan: ...

__all__ = [
    "Classification",
    "ConsolidationPlan",
    "Egn",
    "Pesel",
    "Sex",
    "classify",
    "egn",
    "generate",
    "normalize",
    "pesel",
    "plan_consolidation",
]
