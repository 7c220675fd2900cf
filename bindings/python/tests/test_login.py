import datetime as dt

import pytest

import edurules
from edurules import login

from _data import table

PESEL = table("login", "pesel.json")
EGN = table("login", "egn.json")
REJECTIONS = table("login", "rejections.json")


@pytest.mark.parametrize("case", PESEL["valid"], ids=lambda c: c["pesel"])
def test_pesel_valid_cases_of_the_crate(case):
    p = login.pesel(case["pesel"])
    assert p == login.Pesel(case["pesel"], dt.date.fromisoformat(case["date"]), case["sex"])
    assert isinstance(p.birth_date, dt.date)


@pytest.mark.parametrize("case", PESEL["invalid"], ids=lambda c: c["pesel"])
def test_pesel_invalid_cases_of_the_crate(case):
    with pytest.raises(edurules.LoginError) as e:
        login.Pesel.parse(case["pesel"], locale="pl")
    assert e.value.code == case["code"]


@pytest.mark.parametrize("case", EGN["valid"], ids=lambda c: c["egn"])
def test_egn_valid_cases_of_the_crate(case):
    e = login.egn(case["egn"])
    assert (e.number, e.birth_date, e.sex) == (
        case["egn"],
        dt.date.fromisoformat(case["date"]),
        case["sex"],
    )


@pytest.mark.parametrize("case", EGN["invalid"], ids=lambda c: c["egn"])
def test_egn_invalid_cases_of_the_crate(case):
    with pytest.raises(edurules.LoginError) as e:
        login.Egn.parse(case["egn"], locale="bg")
    assert e.value.code == case["code"]


def test_national_ids_are_frozen():
    p = login.pesel("44051401458")
    with pytest.raises(AttributeError):
        p.sex = "female"  # type: ignore[misc]


@pytest.mark.parametrize("case", REJECTIONS["accepted"], ids=lambda c: c["input"])
def test_normalize_accepted_cases(case):
    assert login.normalize(case["input"]) == case["login"]


@pytest.mark.parametrize("case", REJECTIONS["rejected"], ids=lambda c: c["input"])
def test_normalize_rejected_cases(case):
    with pytest.raises(edurules.LoginError) as e:
        login.normalize(case["input"])
    assert e.value.code == case["code"]
    for key in ("position", "character", "suggestion"):
        if key in case:
            assert e.value.details[key] == case[key], key


def test_login_messages_in_three_languages():
    msgs = {}
    for loc in ("pl", "bg", "en"):
        with pytest.raises(edurules.LoginError) as e:
            login.normalize("ŁUKASZ", locale=loc)
        assert e.value.code == "login.polish_letter"
        msgs[loc] = e.value.message
    assert len(set(msgs.values())) == 3
    assert any(c in msgs["bg"] for c in "абвгдежзийклмнопрстуфхцчшщъья")
    assert "Ł" in msgs["pl"]


def test_classify():
    assert login.classify("JANKOW1") == login.Classification("canonical")
    assert login.classify("JanKow1").kind == "legacy_mixed_case"
    c = login.classify("AB", locale="pl")
    assert (c.kind, c.code) == ("invalid", "login.too_short")
    assert c.message


def test_generate_skips_taken_logins():
    first = login.generate("Jan", "Kowalski", [])
    second = login.generate("Jan", "Kowalski", [first])
    assert first != second
    assert login.normalize(first) == first
    # a generator and a set are accepted as well as a list
    assert login.generate("Jan", "Kowalski", iter([first])) == second
    assert login.generate("Jan", "Kowalski", {first}) == second


def test_generate_bulgarian_preset_uses_its_own_pattern():
    pl = login.generate("Jan", "Kowalski", [], config="poland-sio")
    bg = login.generate("Jan", "Kowalski", [], config=edurules.Config.preset("bulgaria-isrm"))
    assert pl and bg


def test_plan_consolidation():
    accounts = [
        {"login": "JANKOW1", "active": True, "entities": ["SP7"]},
        {"login": "jankow1", "active": False, "entities": ["SP3"]},
    ]
    plan = login.plan_consolidation(accounts, locale="pl")
    assert isinstance(plan.plan, dict)
    assert "case" in plan.plan
    assert plan.message
    # JSON text is the same as the list
    import json

    assert login.plan_consolidation(json.dumps(accounts), locale="pl") == plan


def test_plan_consolidation_bad_form():
    with pytest.raises(edurules.EdurulesError) as e:
        login.plan_consolidation([{"login": "X", "activ": True}], locale="pl")
    assert e.value.code == "input.invalid_json"
    assert "reason" in e.value.details


def test_taken_logins_are_bounded():
    with pytest.raises(edurules.EdurulesError) as e:
        login.generate("Jan", "Kowalski", ["JANKOW1"] * 1_000_001, locale="bg")
    assert e.value.code == "input.too_many"
    assert e.value.details["argument"] == "taken"
    with pytest.raises(TypeError):
        login.generate("Jan", "Kowalski", "JANKOW1")  # a str is not a list of logins
