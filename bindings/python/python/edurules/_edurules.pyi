from types import ModuleType

__version__: str
login: ModuleType
password: ModuleType
delegation: ModuleType
deadline: ModuleType
absence: ModuleType
