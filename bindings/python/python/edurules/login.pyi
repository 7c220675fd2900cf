import datetime as _dt
from typing import Any, Dict, Iterable, Literal, Mapping, Optional, Sequence, Union

from ._edurules import Config

ConfigLike = Union[Config, str, None]
Sex = Literal["female", "male"]

class Pesel:
    number: str
    birth_date: _dt.date
    sex: Sex
    def __init__(self, number: str, birth_date: _dt.date, sex: Sex) -> None: ...
    @classmethod
    def parse(cls, number: str, *, locale: Optional[str] = ...) -> Pesel: ...

class Egn:
    number: str
    birth_date: _dt.date
    sex: Sex
    def __init__(self, number: str, birth_date: _dt.date, sex: Sex) -> None: ...
    @classmethod
    def parse(cls, number: str, *, locale: Optional[str] = ...) -> Egn: ...

class Classification:
    kind: Literal["canonical", "legacy_mixed_case", "invalid", "unknown"]
    code: Optional[str]
    message: Optional[str]
    def __init__(self, kind: str, code: Optional[str] = ..., message: Optional[str] = ...) -> None: ...

class ConsolidationPlan:
    plan: Dict[str, Any]
    message: str
    def __init__(self, plan: Dict[str, Any], message: str) -> None: ...

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
