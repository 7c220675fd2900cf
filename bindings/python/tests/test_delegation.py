import datetime as dt
import threading

import pytest

import edurules
from edurules import delegation

from _data import table

D = dt.date.fromisoformat
CASES = table("delegation", "law_cases.json")["cases"]


def sio_policy(domains=True):
    """The crate's law-case policy: the SIO preset, with the institution
    domain sp7.opole.pl unless the case says `sio_without_domains`."""
    policy = edurules.Config.preset("poland-sio").to_dict()["delegation"]
    if domains:
        policy["institution_domains"] = ["sp7.opole.pl"]
    return policy


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_law_cases_of_the_crate(case):
    policy = sio_policy(case.get("policy") != "sio_without_domains")
    reg = delegation.Registry.open(case["log"], policy=policy)
    assert reg.refused == ()
    assert len(reg) == len(case["log"])
    if case["expect"]:
        with pytest.raises(edurules.DelegationError) as e:
            reg.apply(case["event"], locale="pl")
        assert e.value.code == "delegation.rejected"
        got = sorted(v["code"] for v in e.value.details["violations"])
        assert got == sorted(case["expect"])
    else:
        assert reg.apply(case["event"]) == len(case["log"]) + 1
    for q in case.get("decide", []):
        d = reg.decide(q["who"], q["permission"], q["entity"], D(q["at"]), locale="bg")
        assert d.allowed == q["allowed"], q
        assert d.explanation
        assert reg.decide_many([(q["who"], q["permission"], q["entity"], D(q["at"]))]) == [q["allowed"]]


def _case(prefix):
    return next(c for c in CASES if c["name"].startswith(prefix))


def _head():
    """The law case "head appointed on 1 March for five school years": the
    head may read pupils' data in SP7 until 2031-02-28, not on 2031-03-01."""
    case = _case("head appointed on 1 March")
    return case["log"] + [case["event"]]


def test_refused_events_of_the_log_are_listed_and_skipped():
    case = _case("head's grant on his last day starting after he has left")
    reg = delegation.Registry.open(case["log"] + [case["event"]], policy=sio_policy(), locale="pl")
    assert len(reg) == len(case["log"])
    [refused] = reg.refused
    assert refused.index == len(case["log"])
    assert [v.code for v in refused.violations] == case["expect"]
    assert refused.violations[0].message and refused.violations[0].legal_basis
    assert refused.violations[0].rule


def test_decide_who_may_what_may_expiring_and_export():
    reg = delegation.Registry.open(_head(), policy=sio_policy())
    day = D("2027-01-15")
    d = reg.decide("dyr", "pupils:read", "SP7", day, locale="pl")
    assert d and d.allowed
    assert d.explanation[0] == "dozwolone"
    assert reg.decide("dyr", "pupils:read", "SP7", day, locale="bg").explanation[0] == "разрешено"
    assert reg.decide("dyr", "pupils:read", "SP7", D("2031-02-28"))
    assert not reg.decide("dyr", "pupils:read", "SP7", D("2031-03-01"))
    assert reg.decide("dyr", "pupils:read", "SP7", day, explain=False).explanation == ()
    assert [a.person for a in reg.who_may("pupils:read", "SP7", day)] == ["dyr"]
    assert ("SP7", "pupils:read") in [(a.entity, a.permission) for a in reg.what_may("dyr", day)]
    assert reg.what_may("dyr", D("2031-03-01")) == []
    expiring = reg.expiring_before(D("2031-01-01"), D("2031-06-01"))
    assert [(e.person, e.entity, e.last_day) for e in expiring] == [("dyr", "SP7", D("2031-02-28"))]
    assert reg.expiring_before(D("2031-01-01"), D("2031-02-28")) == []
    exported = reg.export()
    assert len(exported) == len(reg) == 1
    again = delegation.Registry.open(reg.export_json(), policy=sio_policy())
    assert again.export() == exported


def test_decide_many_matches_decide_and_runs_in_threads():
    reg = delegation.Registry.open(_head(), policy=sio_policy())
    queries = [("dyr", "pupils:read", "SP7", D("2030-12-01") + dt.timedelta(days=i)) for i in range(400)]
    expected = [reg.decide(*q, explain=False).allowed for q in queries]
    assert expected.index(False) == (D("2031-03-01") - D("2030-12-01")).days
    results = []
    threads = [threading.Thread(target=lambda: results.append(reg.decide_many(queries))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_bad_identifiers_and_queries():
    reg = delegation.Registry.open([], policy=sio_policy())
    for loc in ("pl", "bg", "en"):
        with pytest.raises(edurules.DelegationError) as e:
            reg.decide("anna", "pupils", "SP7", D("2026-01-01"), locale=loc)
        assert e.value.code.startswith("delegation.")
    with pytest.raises(edurules.DelegationError):
        reg.decide(" anna", "pupils:read", "SP7", D("2026-01-01"))
    with pytest.raises(TypeError):
        reg.decide_many([("anna", "pupils:read", "SP7")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        reg.decide("anna", "pupils:read", "SP7", "2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(edurules.EdurulesError) as e:
        reg.apply({"type": "no_such_event"}, locale="pl")
    assert e.value.code == "input.invalid_json"


def test_default_policy_comes_from_the_config():
    reg = delegation.Registry.open(config="poland-sio")
    assert len(reg) == 0 and reg.refused == ()
    with pytest.raises(edurules.EdurulesError) as e:
        delegation.Registry.open(config="no-such-preset", locale="bg")
    assert e.value.code == "config.unknown_preset"


def test_decide_many_is_bounded_before_any_work():
    reg = delegation.Registry.open(_head(), policy=sio_policy())
    q = ("dyr", "pupils:read", "SP7", D("2027-01-01"))
    with pytest.raises(edurules.EdurulesError) as e:
        reg.decide_many([q] * 1_000_001, locale="pl")
    assert e.value.code == "input.too_many"
    assert e.value.details == {"argument": "queries", "actual": 1_000_001, "max": 1_000_000}
