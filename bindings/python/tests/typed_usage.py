"""Typed use of the package, checked with ``mypy --strict`` by
``test_stubs_type_check`` (not collected by pytest: no ``test_`` prefix)."""

from __future__ import annotations

import datetime as dt
from typing import List, Optional

import edurules
from edurules import deadline, delegation, login, password


def logins() -> str:
    p: login.Pesel = login.pesel("44051401458")
    born: dt.date = p.birth_date
    e: login.Egn = login.Egn.parse("6101047500", locale="bg")
    c: login.Classification = login.classify("JanKow1")
    code: Optional[str] = c.code
    plan: login.ConsolidationPlan = login.plan_consolidation([{"login": "A", "active": True, "entities": []}])
    return login.generate("Jan", "Kowalski", ["JANKOW1"], config="poland-sio") + str(born) + e.sex + str(code) + plan.message


def passwords(now: dt.datetime) -> bool:
    config = edurules.Config.preset("poland-sio")
    r: password.CheckResult = password.check("Abcdef1", config=config, locale="pl")
    codes: tuple[str, ...] = r.codes
    stored = password.hash("Wrzesien-26")
    v: password.Verification = password.verify("Wrzesien-26", stored)
    state = password.account_state(stored, now)
    s: password.Status = password.status(state, now=now)
    expires: Optional[dt.datetime] = s.expires_at
    return v.valid and bool(codes) and expires is not None


def deadlines() -> dt.date:
    s: deadline.Submission = deadline.submission("art. 8 pkt 1 lit. d", dt.date(2025, 12, 19))
    cal: deadline.Calendar = deadline.calendar(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    days: int = cal.working_days
    t: deadline.TermEnd = deadline.term_end(dt.date(2025, 4, 14), 7, "days")
    return max(s.due_date, t.end) + dt.timedelta(days=days)


def delegations() -> List[bool]:
    reg = delegation.Registry.open([], config="poland-sio")
    d: delegation.Decision = reg.decide("dyr", "pupils:read", "SP7", dt.date(2027, 1, 1))
    lines: tuple[str, ...] = d.explanation
    people: List[delegation.Allowed] = reg.who_may("pupils:read", "SP7", dt.date(2027, 1, 1))
    return reg.decide_many([("dyr", "pupils:read", "SP7", dt.date(2027, 1, 1))]) + [bool(lines), bool(people)]


def errors() -> str:
    try:
        login.normalize("AB", locale="pl")
    except edurules.LoginError as e:
        return e.code + e.message + str(e.details)
    return ""
