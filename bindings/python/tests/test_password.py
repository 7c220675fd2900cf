import datetime as dt
import json

import pytest

import edurules
from edurules import password

from _data import table

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 9, 1, 8, 0, tzinfo=UTC)

# The seed's cases (seed 004 pt 7) hold for the poland-sio preset, which is
# that policy plus a list of common passwords none of them is on.
SEED_CASES = [c for c in table("password", "check_cases.json")["cases"] if c["preset"] == "opolska_eszkola"]


@pytest.mark.parametrize("case", SEED_CASES, ids=lambda c: c["password"])
def test_check_cases_of_the_crate(case):
    result = password.check(case["password"], config="poland-sio", locale="pl")
    assert list(result.codes) == case["expect"]
    assert result.accepted == (case["expect"] == [])
    assert bool(result) == result.accepted
    for v in result.violations:
        assert v.message and case["password"] not in v.message


def test_check_messages_in_three_languages_with_figures():
    by = {loc: password.check("Abcdef1", locale=loc).violations[0] for loc in ("pl", "bg", "en")}
    assert {v.code for v in by.values()} == {"password.too_short"}
    assert len({v.message for v in by.values()}) == 3
    assert "8" in by["pl"].message
    assert by["pl"].details  # the rule's figures (minimum, actual)


def test_check_with_user_context():
    r = password.check("Kowalski-2026", user={"names": ["Kowalski"], "login": "JANKOW1"})
    assert isinstance(r, password.CheckResult)


def test_check_bad_user_context_is_a_clear_error():
    with pytest.raises(edurules.EdurulesError) as e:
        password.check("Abcdefg1", user={"nmes": ["x"]}, locale="bg")
    assert e.value.code == "input.invalid_json"


def test_hash_and_verify_with_rehash():
    stored = password.hash("Wrzesien-26")
    assert stored["phc"].startswith("$argon2id$")
    assert "Wrzesien-26" not in json.dumps(stored)
    ok = password.verify("Wrzesien-26", stored)
    assert ok == password.Verification(True, False)
    assert not password.verify("wrzesien-26", stored).valid
    # JSON text works as well as the dict
    assert password.verify("Wrzesien-26", json.dumps(stored)).valid
    # a hash made with cheaper parameters than the policy's needs a rehash
    text = edurules.Config.preset("poland-sio").to_toml()
    cheap_config = edurules.Config.from_toml(text.replace("m_cost_kib = 19456", "m_cost_kib = 8192"))
    cheap = password.hash("Wrzesien-26", config=cheap_config)
    assert password.verify("Wrzesien-26", cheap) == password.Verification(True, True)


def test_verify_malformed_hash_raises_password_error():
    with pytest.raises(edurules.PasswordError) as e:
        password.verify("x", {"phc": "$argon2id$nonsense"}, locale="pl")
    assert e.value.code.startswith("password.")
    assert e.value.message


def test_too_long_password_is_refused_before_hashing():
    with pytest.raises(edurules.PasswordError) as e:
        password.hash("x" * 5000, locale="pl")
    assert e.value.code == "password.input_too_long"
    assert e.value.details["max_bytes"] == 4096
    with pytest.raises(edurules.EdurulesError) as e:
        password.hash("x" * 100_000, locale="bg")
    assert e.value.code == "input.too_long"
    assert e.value.details == {"argument": "password", "actual": 100_000, "max": 65_536}


def _state(secret="Start-2026", at=T0):
    return password.account_state(password.hash(secret), at)


def test_change_keeps_history_and_refuses_reuse():
    s0 = _state()
    s1 = password.change(s0, "Start-2026", "Wrzesien-26", now=T0)
    assert s1["previous"] and s1["current"] != s0["current"]
    assert dt.datetime.fromisoformat(s1["changed_at"].replace("Z", "+00:00")) == T0
    with pytest.raises(edurules.PasswordError) as e:
        password.change(s1, "Wrzesien-26", "Start-2026", now=T0 + dt.timedelta(days=1), locale="pl")
    assert e.value.code == "password.reused"
    assert e.value.details["position"] >= 1


def test_change_wrong_old_password_is_vague():
    with pytest.raises(edurules.PasswordError) as e:
        password.change(_state(), "nope", "Wrzesien-26", now=T0)
    assert e.value.code == "password.invalid_credentials"
    assert "nope" not in e.value.message


def test_change_rejected_carries_violations():
    with pytest.raises(edurules.PasswordError) as e:
        password.change(_state(), "Start-2026", "abc", now=T0, locale="bg")
    assert e.value.code == "password.rejected"
    codes = [v["code"] for v in e.value.details["violations"]]
    assert codes == ["password.too_short", "password.missing_classes", "password.missing_classes"]
    assert all(v["message"] for v in e.value.details["violations"])


# The crate's tests/rotation.rs: the seed's 60 days, day 52, 59, 60, 61.
@pytest.mark.parametrize(
    "day,code,days_left",
    [(52, "password.valid", None), (59, "password.expiring_soon", 1), (60, "password.expired", None), (61, "password.expired", None)],
)
def test_status_at_the_seed_boundaries(day, code, days_left):
    s = _state()
    st = password.status(s, now=T0 + dt.timedelta(days=day), locale="pl")
    assert st.code == code
    assert st.days_left == days_left
    assert st.expires_at == T0 + dt.timedelta(days=60)
    assert st.expires_at.tzinfo is not None and st.expires_at.utcoffset() == dt.timedelta(0)
    assert st.requires_change == (code == "password.expired")
    assert st.message


def test_status_converts_other_timezones_correctly():
    s = _state()
    plus2 = dt.timezone(dt.timedelta(hours=2))
    expiry = T0 + dt.timedelta(days=60)
    just_before = (expiry - dt.timedelta(seconds=1)).astimezone(plus2)
    at = expiry.astimezone(plus2)
    assert password.status(s, now=just_before).code == "password.expiring_soon"
    assert password.status(s, now=at).code == "password.expired"


def test_naive_datetimes_are_refused():
    for loc, word in (("pl", "strefy"), ("bg", "зона"), ("en", "timezone")):
        with pytest.raises(edurules.EdurulesError) as e:
            password.status(_state(), now=dt.datetime(2026, 9, 2), locale=loc)
        assert e.value.code == "input.naive_datetime"
        assert word in e.value.message
        assert e.value.details == {"argument": "now"}


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        password.check(12345678)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        password.status(_state(), now=dt.date(2026, 9, 2))  # type: ignore[arg-type]


def test_policy_from_toml_is_validated_once():
    text = edurules.Config.preset("poland-sio").to_toml()
    strict = text.replace("min_length = 8", "min_length = 12")
    config = edurules.Config.from_toml(strict)
    assert password.check("Abcdefg1", config=config).codes == ("password.too_short",)
    with pytest.raises(edurules.EdurulesError) as e:
        edurules.Config.from_toml(text.replace("min_length = 8", "min_lenght = 8"), locale="pl")
    assert e.value.code.startswith("config.")


def _progress_while(work):
    """How many times the main thread ran Python while ``work`` ran in
    another thread: near zero if ``work`` held the GIL throughout."""
    import threading
    import time

    done = threading.Event()
    started = threading.Event()

    def run():
        started.set()
        work()
        done.set()

    t = threading.Thread(target=run)
    t.start()
    started.wait()
    time.sleep(0.001)
    n = 0
    while not done.is_set():
        n += 1
    t.join()
    return n


def test_hashing_releases_the_gil():
    stored = password.hash("Wrzesien-26")
    assert _progress_while(lambda: password.hash("Wrzesien-26")) > 10_000
    assert _progress_while(lambda: password.verify("Wrzesien-26", stored)) > 10_000
