import edurules
import pytest


def test_version_matches_the_crates():
    assert edurules.__version__ == "0.2.0"


def test_every_domain_is_a_submodule():
    for name in ("login", "password", "delegation", "deadline", "absence"):
        assert hasattr(edurules, name)


def test_errors_carry_code_message_and_details():
    e = edurules.LoginError("login.empty", "Login jest pusty.", {"field": "login"})
    assert isinstance(e, edurules.EdurulesError)
    assert e.code == "login.empty"
    assert e.message == "Login jest pusty."
    assert e.details == {"field": "login"}
    with pytest.raises(edurules.EdurulesError) as caught:
        raise e
    assert str(caught.value) == "Login jest pusty."
