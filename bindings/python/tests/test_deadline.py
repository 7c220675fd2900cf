import datetime as dt

import pytest

import edurules
from edurules import deadline

from _data import table

D = dt.date.fromisoformat
SIO = table("deadline", "sio.json")["cases"]
TERMS = table("deadline", "terms.json")["cases"]
HOLIDAYS = table("deadline", "holidays.json")["years"]


@pytest.mark.parametrize("case", SIO, ids=lambda c: c["name"])
def test_submission_cases_of_the_crate(case):
    if "error" in case:
        with pytest.raises(edurules.DeadlineError) as e:
            deadline.submission(case["category"], D(case["change"]), locale="pl")
        assert e.value.code == case["error"]
    else:
        s = deadline.submission(case["category"], D(case["change"]))
        assert s.due_date == D(case["due"])
        assert isinstance(s.due_date, dt.date)
        assert s.explanation and s.legal_basis


def test_submission_lateness_at_the_boundary():
    # the clerk's example around Christmas 2025: due 2025-12-29
    on_time = deadline.submission("art. 8 pkt 1 lit. d", D("2025-12-19"), submitted_on=D("2025-12-29"))
    assert on_time.lateness == {"status": "on_time", "days_to_spare": 0}
    late = deadline.submission("art. 8 pkt 1 lit. d", D("2025-12-19"), submitted_on=D("2025-12-30"))
    assert late.lateness == {"status": "late", "days_late": 1}
    with pytest.raises(edurules.DeadlineError) as e:
        deadline.submission("art. 8 pkt 1 lit. d", D("2025-12-19"), submitted_on=D("2025-12-18"))
    assert e.value.code == "deadline.submitted_before_change"


def test_submission_messages_in_three_languages():
    texts = {loc: deadline.submission("art. 8 pkt 1 lit. d", D("2025-12-19"), locale=loc) for loc in ("pl", "bg", "en")}
    assert len({t.explanation for t in texts.values()}) == 3
    errors = set()
    for loc in ("pl", "bg", "en"):
        with pytest.raises(edurules.DeadlineError) as e:
            deadline.submission("art. 99", D("2025-12-19"), locale=loc)
        errors.add(e.value.message)
        assert e.value.code.startswith("deadline.")
    assert len(errors) == 3


def test_submission_refuses_a_datetime():
    with pytest.raises(TypeError):
        deadline.submission("art. 8 pkt 1 lit. d", dt.datetime(2025, 12, 19, 10, 0))  # type: ignore[arg-type]


def test_a_config_without_deadline_rules():
    config = edurules.Config.from_toml('name = "no-deadlines"\nlocale = "bg"\n')
    with pytest.raises(edurules.EdurulesError) as e:
        deadline.submission("art. 8 pkt 1 lit. d", D("2025-12-19"), config=config, locale="bg")
    assert e.value.code == "config.missing_section"


@pytest.mark.parametrize("case", TERMS, ids=lambda c: c["name"])
def test_term_cases_of_the_crate(case):
    t = deadline.term_end(D(case["event"]), case["count"], case["unit"])
    assert (t.nominal_end, t.end) == (D(case["nominal"]), D(case["end"]))
    assert t.details["rule"] == case["rule"]
    assert t.explanation


def test_term_unknown_unit_in_three_languages():
    for loc in ("pl", "bg", "en"):
        with pytest.raises(edurules.EdurulesError) as e:
            deadline.term_end(D("2025-01-01"), 7, "fortnights", locale=loc)
        assert e.value.code == "input.unknown_value"
        assert "`days`" in e.value.message


@pytest.mark.parametrize("year", ["2024", "2025", "2026"])
def test_calendar_holidays_of_the_crate(year):
    y = int(year)
    cal = deadline.calendar(dt.date(y, 1, 1), dt.date(y, 12, 31), locale="pl")
    off = {d.date for d in cal.days_off}
    expected = {D(f"{year}-{md}") for md in HOLIDAYS[year]}
    assert expected <= off
    holidays = {d.date for d in cal.days_off if d.reason == "holiday"}
    assert holidays <= expected
    assert all(d.name for d in cal.days_off if d.reason == "holiday")
    days = (dt.date(y, 12, 31) - dt.date(y, 1, 1)).days + 1
    assert cal.working_days == days - len(cal.days_off)


def test_calendar_one_day_and_bounds():
    # 24 December 2025 is a public holiday (Dz.U. 2024 poz. 1965)
    cal = deadline.calendar(D("2025-12-24"), D("2025-12-24"), locale="bg")
    assert cal.working_days == 0
    assert [(d.reason, d.date) for d in cal.days_off] == [("holiday", D("2025-12-24"))]
    assert deadline.calendar(D("2024-12-24"), D("2024-12-24")).working_days == 1
    with pytest.raises(edurules.EdurulesError) as e:
        deadline.calendar(D("2025-01-02"), D("2025-01-01"), locale="pl")
    assert e.value.code == "input.out_of_order"
    with pytest.raises(edurules.EdurulesError) as e:
        deadline.calendar(D("2000-01-01"), D("2030-01-01"), locale="pl")
    assert e.value.code == "input.too_many"
    # ten years exactly is allowed (3,660 days after the start)
    assert deadline.calendar(D("2020-01-01"), D("2020-01-01") + dt.timedelta(days=3660)).working_days > 0
