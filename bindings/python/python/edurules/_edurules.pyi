from types import ModuleType
from typing import Any, Dict, List, Mapping, Optional, Union, final

__version__: str
login: ModuleType
password: ModuleType
delegation: ModuleType
deadline: ModuleType
absence: ModuleType

@final
class Config:
    """A validated configuration of every crate, shared by the modules."""

    @staticmethod
    def preset(name: str, *, locale: Optional[str] = None) -> Config: ...
    @staticmethod
    def from_toml(text: str, *, locale: Optional[str] = None) -> Config: ...
    @staticmethod
    def from_json(text: Union[str, Mapping[str, Any]], *, locale: Optional[str] = None) -> Config: ...
    @staticmethod
    def presets() -> List[str]: ...
    @property
    def name(self) -> str: ...
    @property
    def locale(self) -> str: ...
    def to_toml(self, *, locale: Optional[str] = None) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

__all__ = ["__version__", "Config", "login", "password", "delegation", "deadline", "absence"]
