"""The boundary's own errors (``input.*``), languages, and the stubs."""

import ast
import dataclasses
import datetime as dt
import importlib
from pathlib import Path

import pytest

import edurules
from edurules import deadline, delegation, login, password

PACKAGE = Path(edurules.__file__).parent


def test_unknown_locale_is_an_edurules_error():
    with pytest.raises(edurules.EdurulesError) as e:
        login.normalize("JANKOW1", locale="xx")
    assert e.value.code.startswith("locale.")


def test_locale_with_region():
    with pytest.raises(edurules.LoginError) as e:
        login.normalize("AB", locale="pl-PL")
    assert e.value.code == "login.too_short"


@pytest.mark.parametrize(
    "loc,words",
    [("pl", ["argument `login`", "znaków"]), ("bg", ["аргументът `login`", "знака"]), ("en", ["argument `login`", "characters"])],
)
def test_too_long_input_in_each_language(loc, words):
    with pytest.raises(edurules.EdurulesError) as e:
        login.normalize("A" * 10_000, locale=loc)
    assert e.value.code == "input.too_long"
    assert e.value.details == {"argument": "login", "actual": 10_000, "max": 4096}
    for w in words:
        assert w in e.value.message
    assert not isinstance(e.value, edurules.LoginError)


def test_too_many_items_plural_forms():
    # 3,661 days: Polish "elementów", Bulgarian "елемента", English "items"
    msgs = {}
    for loc in ("pl", "bg", "en"):
        with pytest.raises(edurules.EdurulesError) as e:
            deadline.calendar(dt.date(2000, 1, 1), dt.date(2010, 1, 9), locale=loc)
        assert e.value.code == "input.too_many"
        msgs[loc] = e.value.message
    assert len(set(msgs.values())) == 3


STORED = password.hash("Wrzesien-26")


def test_every_input_code_exists_in_three_languages():
    cases = {
        "input.too_long": lambda loc: login.normalize("A" * 5000, locale=loc),
        "input.too_many": lambda loc: deadline.calendar(dt.date(2000, 1, 1), dt.date(2020, 1, 1), locale=loc),
        "input.naive_datetime": lambda loc: password.account_state(STORED, dt.datetime(2026, 1, 1), locale=loc),
        "input.invalid_json": lambda loc: delegation.Registry.open("[{", locale=loc),
        "input.out_of_order": lambda loc: deadline.calendar(dt.date(2000, 1, 2), dt.date(2000, 1, 1), locale=loc),
        "input.unknown_value": lambda loc: deadline.term_end(dt.date(2000, 1, 1), 1, "x", locale=loc),
    }
    for code, call in cases.items():
        messages = {}
        for loc in ("pl", "bg", "en"):
            with pytest.raises(edurules.EdurulesError) as e:
                call(loc)
            assert e.value.code == code, (code, loc, e.value.code)
            messages[loc] = e.value.message
        assert len(set(messages.values())) == 3, code
        assert any("\u0400" <= c <= "\u04ff" for c in messages["bg"]), code
        assert not any("\u0400" <= c <= "\u04ff" for c in messages["pl"] + messages["en"]), code


def test_unknown_preset_and_config_type():
    with pytest.raises(edurules.EdurulesError) as e:
        password.check("x", config="poland", locale="pl")
    assert e.value.code == "config.unknown_preset"
    with pytest.raises(TypeError):
        password.check("x", config=42)  # type: ignore[arg-type]


def test_config_class():
    c = edurules.Config.preset("bulgaria-isrm")
    assert c.name == "bulgaria-isrm" and c.locale == "bg"
    assert set(edurules.Config.presets()) == {"poland-sio", "bulgaria-isrm"}
    again = edurules.Config.from_toml(c.to_toml())
    assert again.to_dict() == c.to_dict()
    import json

    assert edurules.Config.from_json(json.dumps(c.to_dict())).name == "bulgaria-isrm"
    assert edurules.Config.from_json(c.to_dict()).to_dict() == c.to_dict()
    with pytest.raises(edurules.EdurulesError) as e:
        edurules.Config.from_toml("name = ", locale="bg")
    assert e.value.code.startswith("config.")
    with pytest.raises(edurules.EdurulesError) as e:
        edurules.Config.from_toml("x" * (2 << 20))
    assert e.value.code == "input.too_long"


def _stub_names(module):
    tree = ast.parse((PACKAGE / f"{module}.pyi").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = []
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    members.append(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    members.append(item.target.id)
            yield node.name, members
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, []
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            yield node.target.id, []
        elif isinstance(node, ast.Assign):
            # Type aliases (`Sex = Literal[...]`); `__all__` is compared below.
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id != "__all__":
                    yield target.id, []


@pytest.mark.parametrize("module", ["login", "password", "deadline", "delegation", "absence", "_edurules"])
def test_every_name_in_the_stubs_exists(module):
    mod = importlib.import_module(f"edurules.{module}")
    names = list(_stub_names(module))
    assert names
    for name, members in names:
        assert hasattr(mod, name), f"{module}.{name}"
        obj = getattr(mod, name)
        fields = {f.name for f in dataclasses.fields(obj)} if dataclasses.is_dataclass(obj) else set()
        for m in members:
            assert m in fields or hasattr(obj, m), f"{module}.{name}.{m}"
    assert set(mod.__all__) <= {n for n, _ in names}


EXTREME_DATES = [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(9999, 12, 31)]


def _no_panic(call):
    """Runs ``call``: any outcome but a Rust panic (PanicException is a
    BaseException, not an Exception, so it is not swallowed here)."""
    try:
        call()
    except Exception:
        pass


def test_no_panic_on_extreme_inputs():
    reg = delegation.Registry.open([])
    for d in EXTREME_DATES:
        _no_panic(lambda: deadline.submission("art. 8 pkt 1 lit. d", d, submitted_on=d))
        _no_panic(lambda: deadline.submission("art. 8 pkt 1 lit. d", dt.date(2025, 1, 1), submitted_on=d))
        _no_panic(lambda: deadline.calendar(d, d))
        for unit in ("days", "weeks", "months", "years"):
            for count in (0, 1, 2**31, 2**32 - 1):
                _no_panic(lambda: deadline.term_end(d, count, unit))
        _no_panic(lambda: reg.decide("a", "b:c", "d", d))
        _no_panic(lambda: reg.expiring_before(d, dt.date(9999, 12, 31)))
    _no_panic(lambda: deadline.calendar(dt.date(9999, 1, 1), dt.date(9999, 12, 31)))
    _no_panic(lambda: deadline.term_end(dt.date(2025, 1, 1), -1, "days"))
    big = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-23)))
    small = dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=23)))
    for at in (big, small):
        _no_panic(lambda: password.status(password.account_state(STORED, at), now=at))
        _no_panic(lambda: password.status(password.account_state(STORED, small), now=big))
    for text in ("", "\x00", "\ud800", "ą" * 4096, "A" * 4096):
        _no_panic(lambda: login.normalize(text))
        _no_panic(lambda: login.classify(text))
        _no_panic(lambda: login.generate(text, text, [text]))
        _no_panic(lambda: login.pesel(text))
        _no_panic(lambda: login.egn(text))
        _no_panic(lambda: password.check(text))
        _no_panic(lambda: reg.decide(text, text, text, dt.date(2025, 1, 1)))
    for junk in ("", "null", "[]", "{}", '{"phc": 1}', "[" * 10_000, '"' + "x" * 1000):
        _no_panic(lambda: password.verify("x", junk))
        _no_panic(lambda: password.status(junk, now=big))
        _no_panic(lambda: delegation.Registry.open(junk))
        _no_panic(lambda: delegation.Registry.open([], policy=junk))
        _no_panic(lambda: login.plan_consolidation(junk))
        _no_panic(lambda: edurules.Config.from_json(junk))
        _no_panic(lambda: edurules.Config.from_toml(junk))


def test_stubs_type_check_under_mypy_strict():
    """``mypy --strict`` on a typed use of every module (skipped when mypy
    is not installed: ``pip install mypy``)."""
    api = pytest.importorskip("mypy.api")
    here = Path(__file__).parent
    out, err, status = api.run(["--strict", "--no-incremental", str(here / "typed_usage.py")])
    assert status == 0, out + err


def test_stubs_match_the_runtime():
    """mypy's ``stubtest`` compares each stub (``.pyi``) with the module it
    describes: every name and signature, the frozen dataclasses, ``__all__``
    (skipped when mypy is not installed)."""
    pytest.importorskip("mypy.stubtest")
    import subprocess
    import sys

    config = Path(__file__).parent / "stubtest.ini"
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "edurules", "--mypy-config-file", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_readme_examples_run():
    """Every ``python`` block of the package README runs as written."""
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 5
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_typed_usage_runs():
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    import typed_usage

    now = dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc)
    assert typed_usage.logins()
    assert typed_usage.passwords(now) in (True, False)
    assert typed_usage.deadlines() > dt.date(2025, 12, 19)
    assert typed_usage.delegations()[0] is False
    assert typed_usage.errors().startswith("login.too_short")
