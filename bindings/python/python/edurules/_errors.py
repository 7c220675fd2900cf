"""Exceptions raised by edurules.

Every error carries the engine's stable machine ``code`` (``crate.snake_case``,
never translated, never changed once published), the ``message`` for a person
in the language the call asked for, and ``details``: what a program needs to
act on it (a field, a rule, a line), possibly empty.
"""

from __future__ import annotations

from typing import Any, Dict, Optional


class EdurulesError(Exception):
    """Any edurules error: configuration, language, or one of the crates'."""

    code: str
    message: str
    details: Dict[str, Any]

    def __init__(self, code: str, message: str, details: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = dict(details or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class LoginError(EdurulesError):
    """An error of ``edurules.login`` (codes ``login.*``)."""


class PasswordError(EdurulesError):
    """An error of ``edurules.password`` (codes ``password.*``)."""


class DelegationError(EdurulesError):
    """An error of ``edurules.delegation`` (codes ``delegation.*``)."""


class DeadlineError(EdurulesError):
    """An error of ``edurules.deadline`` (codes ``deadline.*``)."""


class AbsenceError(EdurulesError):
    """An error of ``edurules.absence`` (codes ``absence.*``)."""


__all__ = [
    "EdurulesError",
    "LoginError",
    "PasswordError",
    "DelegationError",
    "DeadlineError",
    "AbsenceError",
]
