"""``edurules.password``: check, hash, verify, change, rotation status.

Passwords are never echoed in a result or an error. Hashing (argon2id) runs
without the GIL. Instants are timezone-aware ``datetime.datetime`` values,
in and out (out in UTC); a naive datetime is refused with
:class:`edurules.EdurulesError` code ``input.naive_datetime``, never guessed.
Stored hashes and account states are plain dicts (the crate's serde form,
e.g. ``{"phc": "$argon2id$...", "normalization": "nfkc"}``): store them as
JSON and pass them back as dicts or JSON text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _json
from ._edurules import Config
from ._edurules import password as _native

ConfigLike = Union[Config, str, None]
JsonLike = Union[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Violation:
    """One rule a candidate breaks: its stable ``code``, the ``message`` in
    the chosen language, and the rule's figures in ``details``."""

    code: str
    message: str
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckResult:
    """The verdict on a candidate: ``accepted``, and every rule it breaks.
    Truthy when accepted."""

    accepted: bool
    violations: Tuple[Violation, ...]

    def __bool__(self) -> bool:
        return self.accepted

    @property
    def codes(self) -> Tuple[str, ...]:
        """The violations' codes, in order."""
        return tuple(v.code for v in self.violations)


@dataclass(frozen=True)
class Verification:
    """Whether a password matches a stored hash, and whether the hash
    should be recomputed with the policy's parameters (meaningful when
    ``valid``)."""

    valid: bool
    needs_rehash: bool

    def __bool__(self) -> bool:
        return self.valid


@dataclass(frozen=True)
class Status:
    """The rotation status of a stored password at an instant."""

    code: str
    message: str
    requires_change: bool
    expires_at: Optional[_dt.datetime]
    days_left: Optional[int]
    status: Mapping[str, Any]


def _violation(d: Dict[str, Any]) -> Violation:
    details = {k: v for k, v in d.items() if k not in ("code", "message")}
    return Violation(d["code"], d["message"], details)


def _user(user: Optional[JsonLike]) -> Optional[str]:
    return None if user is None else _json.text(user)


def check(
    password: str,
    *,
    user: Optional[JsonLike] = None,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> CheckResult:
    """Checks a candidate against the policy. ``user`` is what is known of
    its owner: ``{"login", "names", "email", "national_id", "extra_words"}``.
    A refused password is a result, not an exception."""
    accepted, violations = _native.check(
        password, user_json=_user(user), config=config, locale=locale
    )
    return CheckResult(accepted, tuple(_violation(v) for v in violations))


def hash(password: str, *, config: ConfigLike = None, locale: Optional[str] = None) -> Dict[str, Any]:
    """The stored hash of ``password`` with the policy's argon2id parameters."""
    return _native.hash(password, config=config, locale=locale)


def verify(
    password: str,
    stored: JsonLike,
    *,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> Verification:
    """Checks ``password`` against ``stored``. A wrong password is
    ``valid=False``, not an exception; a malformed hash raises."""
    valid, rehash = _native.verify(password, _json.text(stored), config=config, locale=locale)
    return Verification(valid, rehash)


def account_state(
    stored: JsonLike, changed_at: _dt.datetime, *, locale: Optional[str] = None
) -> Dict[str, Any]:
    """A first account state: ``stored`` set at ``changed_at``, no history."""
    return _native.account_state(_json.text(stored), changed_at, locale=locale)


def change(
    state: JsonLike,
    old: str,
    new: str,
    *,
    now: _dt.datetime,
    user: Optional[JsonLike] = None,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> Dict[str, Any]:
    """The new account state after changing ``old`` to ``new`` at ``now``,
    the previous hash kept in the history. Raises
    :class:`edurules.PasswordError`: ``password.invalid_credentials``,
    ``password.rejected`` (``details["violations"]``), ``password.reused``,
    ``password.too_soon`` (``details["allowed_from"]``)…"""
    return _native.change(
        _json.text(state), old, new, now, user_json=_user(user), config=config, locale=locale
    )


def status(
    state: JsonLike,
    *,
    now: _dt.datetime,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> Status:
    """The rotation status of ``state`` at ``now``."""
    raw, code, message, requires, expires_at, days_left = _native.status(
        _json.text(state), now, config=config, locale=locale
    )
    return Status(code, message, requires, expires_at, days_left, raw)


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
