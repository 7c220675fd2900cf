"""edurules: the rules of Polish and Bulgarian school information systems.

Submodules, one per domain: ``edurules.login``, ``edurules.password``,
``edurules.delegation``, ``edurules.deadline``, ``edurules.absence``. Every
function that can fail takes ``locale="pl" | "bg" | "en"`` for the message of
the :class:`EdurulesError` it raises, and ``config=`` an :class:`edurules.Config`
(validated once: ``Config.preset("bulgaria-isrm")``, ``Config.from_toml(text)``)
or a preset name; ``None`` is ``"poland-sio"``.
"""

from __future__ import annotations

from . import _edurules
from ._edurules import Config
from ._errors import (
    AbsenceError,
    DeadlineError,
    DelegationError,
    EdurulesError,
    LoginError,
    PasswordError,
)
from . import absence, deadline, delegation, login, password

__version__: str = _edurules.__version__

__all__ = [
    "AbsenceError",
    "Config",
    "DeadlineError",
    "DelegationError",
    "EdurulesError",
    "LoginError",
    "PasswordError",
    "absence",
    "deadline",
    "delegation",
    "login",
    "password",
    "__version__",
]
