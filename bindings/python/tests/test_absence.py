"""edurules.absence.evaluate: every parameter, bad input, the Arrow producers
(pyarrow, Polars, DuckDB) give identical tables, and a cross-check against a
DuckDB SQL model of the Bulgarian selections written from the seed, not from
the engine."""

import datetime
import json
import random
import tomllib

import pyarrow as pa
import pytest

import edurules
from edurules import absence

FIRST, LAST = datetime.date(2017, 9, 15), datetime.date(2018, 6, 1)
WINDOW = (FIRST, LAST)


def generate(pupils=300, rows=40_000, seed=1):
    """Absence records and a roster (5 % preschool): school pupils have
    excused and unexcused hours (some halves) and late arrivals in minutes,
    preschool children excused and unexcused days; ~1 % of dates fall after
    the window. Each pupil has a random weight, so some cross the
    thresholds and some do not. Columns as the absence crate's
    ``arrow::record_schema`` (``unit`` null for late arrivals: minutes)."""
    rng = random.Random(seed)
    ids = list(range(1, pupils + 1))
    weights = [rng.random() * 2 for _ in ids]
    preschool = {p for p in ids if p % 20 == 0}
    days = [FIRST + datetime.timedelta(days=i) for i in range(263)]
    pupil, date, amount, kind, unit = [], [], [], [], []
    for p in rng.choices(ids, weights=weights, k=rows):
        pupil.append(p)
        date.append(rng.choice(days))
        if p in preschool:
            kind.append(rng.choice(("excused", "unexcused")))
            unit.append("days")
            amount.append(1.0)
            continue
        k = rng.choices(("excused", "unexcused", "late"), weights=(60, 34, 6))[0]
        kind.append(k)
        if k == "late":
            unit.append(None)
            amount.append(float(rng.choice((5, 10, 20, 21, 35, 45))))
        else:
            unit.append("hours")
            amount.append(rng.choice((0.5, 1.0, 2.0, 3.0, 4.0)))
    records = pa.table(
        {
            "pupil_id": pa.array(pupil, pa.uint64()),
            "date": pa.array(date, pa.date32()),
            "amount": pa.array(amount, pa.float64()),
            "kind": pa.array(kind).dictionary_encode(),
            "unit": pa.array(unit, pa.string()),
        }
    )
    roster = pa.table(
        {
            "pupil_id": pa.array(ids, pa.uint64()),
            "school_id": [f"S{p // 50}" for p in ids],
            "level": ["preschool" if p in preschool else "school" for p in ids],
        }
    )
    return records, roster


def key(flags):
    """The flags as a set of (pupil, rule, measured in sixtieths)."""
    return set(
        zip(
            flags.column("pupil_id").to_pylist(),
            flags.column("rule").to_pylist(),
            flags.column("measured_sixtieths").to_pylist(),
        )
    )


# The reference model: the seed's selections (over 130 hours in total, over
# 40 unexcused hours; over 25 unexcused days at preschool age; late arrivals
# up to 20 minutes are half an unexcused hour, over 20 one) as SQL.
REFERENCE = """
WITH r AS (
  SELECT r.*, s.level FROM records r JOIN roster s USING (pupil_id)
  WHERE r.date BETWEEN DATE '2017-09-15' AND DATE '2018-06-01'
),
school AS (
  SELECT pupil_id,
    SUM(CASE WHEN kind = 'late' THEN CASE WHEN amount <= 20 THEN 0.5 ELSE 1 END
             WHEN unit = 'hours' THEN amount ELSE 0 END) AS total,
    SUM(CASE WHEN kind = 'late' THEN CASE WHEN amount <= 20 THEN 0.5 ELSE 1 END
             WHEN kind = 'unexcused' AND unit = 'hours' THEN amount ELSE 0 END) AS unexcused
  FROM r WHERE level = 'school' GROUP BY pupil_id
),
preschool AS (
  SELECT pupil_id,
    SUM(CASE WHEN kind = 'unexcused' AND unit = 'days' THEN amount ELSE 0 END) AS unexcused
  FROM r WHERE level = 'preschool' GROUP BY pupil_id
)
SELECT pupil_id, 'bg.isrm.total' AS rule, total AS measured FROM school WHERE total > 130
UNION ALL SELECT pupil_id, 'bg.isrm.unexcused', unexcused FROM school WHERE unexcused > 40
UNION ALL SELECT pupil_id, 'bg.isrm.unexcused', unexcused FROM preschool WHERE unexcused > 25
"""


def duckdb_reference(records, roster):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.register("records", records)
    con.register("roster", roster)
    rows = con.execute(REFERENCE).fetchall()
    return {(p, rule, round(float(m) * 60)) for p, rule, m in rows}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_flags_are_the_duckdb_reference_selections(seed):
    records, roster = generate(seed=seed)
    flags = absence.evaluate(records, roster=roster, window=WINDOW)
    expected = duckdb_reference(records, roster)
    assert len(expected) > 20, "the data should flag some pupils"
    assert len({p for p, _, _ in expected}) < 300, "and leave others"
    assert any(r == "bg.isrm.unexcused" and p % 20 == 0 for p, r, _ in expected), "and a preschool child"
    assert key(flags) == expected


def test_pyarrow_polars_and_duckdb_inputs_give_identical_tables():
    pl = pytest.importorskip("polars")
    duckdb = pytest.importorskip("duckdb")
    records, roster = generate(seed=4)
    expected = absence.evaluate(records, roster=roster, window=WINDOW)
    assert expected.num_rows > 0
    batches = records.to_batches(max_chunksize=1_000)
    assert len(batches) > 10
    sources = {
        "pyarrow.RecordBatchReader": pa.RecordBatchReader.from_batches(records.schema, batches),
        "polars.DataFrame": pl.from_arrow(records),
        "polars, kind as Categorical": pl.from_arrow(records).with_columns(pl.col("kind").cast(pl.Categorical)),
        "duckdb relation": duckdb.connect().from_arrow(records),
        "duckdb query result": duckdb.connect().sql("SELECT * FROM records").to_arrow_reader(100),
    }
    for name, source in sources.items():
        got = absence.evaluate(source, roster=pl.from_arrow(roster), window=WINDOW)
        assert got.equals(expected), name


def test_the_table_has_the_reasons_rule_figures_and_legal_basis():
    records = pa.table(
        {
            "pupil_id": [1, 1, 2],
            "date": [datetime.date(2018, 2, 1)] * 3,
            "amount": [40.0, 0.5, 130.0],
            "kind": ["unexcused", "unexcused", "excused"],
        }
    )
    roster = pa.table({"pupil_id": [1, 2], "school_id": ["SU-7", "SU-7"], "level": ["school", "school"], "grade": [5, 6]})
    flags = absence.evaluate(records, roster=roster, window=WINDOW)
    [row] = flags.to_pylist()
    assert row["pupil_id"] == 1 and row["school_id"] == "SU-7" and row["grade"] == 5
    assert (row["rule"], row["counts"], row["unit"]) == ("bg.isrm.unexcused", "unexcused", "hours")
    assert (row["measured"], row["measured_sixtieths"], row["operator"], row["limit"]) == ("40.5", 2430, "gt", "40")
    assert (row["first"], row["last"]) == WINDOW
    assert "РУО1-14903/11.06.2018" in row["legal_basis"]
    assert row["message"].startswith("Pupil 1 (school “SU-7”): unexcused absences")
    meta = flags.schema.metadata
    assert meta[b"edurules.records"] == b"3" and meta[b"edurules.counted"] == b"3"
    assert meta[b"edurules.profile"] == b"bg.isrm"
    # Exactly 130 is not "over 130" (над 130): pupil 2 is not flagged.
    assert 2 not in flags.column("pupil_id").to_pylist()


@pytest.mark.parametrize(
    "locale, start",
    [("pl", "Uczeń 1 (szkoła „SU-7”)"), ("bg", "Ученик 1 (училище „SU-7“)"), ("en", "Pupil 1 (school “SU-7”)"), (None, "Pupil 1")],
)
def test_the_message_is_in_the_callers_language(locale, start):
    records = pa.table({"pupil_id": [1], "date": [datetime.date(2018, 2, 1)], "amount": [41], "kind": ["unexcused"]})
    roster = pa.table({"pupil_id": [1], "school_id": ["SU-7"], "level": ["school"]})
    flags = absence.evaluate(records, roster=roster, window=WINDOW, locale=locale)
    assert flags.column("message")[0].as_py().startswith(start)


def test_an_unknown_locale_is_refused():
    records, roster = generate(pupils=20, rows=100)
    with pytest.raises(edurules.EdurulesError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, locale="de")
    assert e.value.code.startswith("locale.")


def test_the_window_bounds_the_records_and_is_checked():
    records = pa.table(
        {
            "pupil_id": [1, 1],
            "date": [datetime.date(2018, 6, 1), datetime.date(2018, 6, 2)],
            "amount": [41.0, 5.0],
            "kind": ["unexcused", "unexcused"],
        }
    )
    roster = pa.table({"pupil_id": [1], "school_id": ["S"], "level": ["school"]})
    flags = absence.evaluate(records, roster=roster, window=WINDOW)
    assert flags.column("measured").to_pylist() == ["41"]
    assert flags.schema.metadata[b"edurules.outside_window"] == b"1"
    # The last day is included, the day after is not: a window ending a day earlier flags nobody.
    earlier = absence.evaluate(records, roster=roster, window=(FIRST, datetime.date(2018, 5, 31)))
    assert earlier.num_rows == 0
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=(LAST, FIRST), locale="pl")
    assert e.value.code == "absence.invalid_window"
    assert e.value.message.startswith("Okres jest odwrócony")
    with pytest.raises(TypeError):
        absence.evaluate(records, roster=roster, window=("2017-09-15", "2018-06-01"))


OVER_10 = """
[absence]
id = "test.over10"
name = "over 10 unexcused hours"

[[absence.rules]]
id = "test.over10"
description = "over 10 unexcused hours"

[absence.rules.legal_basis]
citation = "a test profile"

[absence.rules.when.threshold]
counts = "unexcused"
unit = "hours"
level = "school"
per = "window"
operator = "gt"

[absence.rules.when.threshold.limit]
amount = "10"
"""


def test_a_profile_as_toml_or_json_text():
    records = pa.table(
        {"pupil_id": [1, 2], "date": [datetime.date(2018, 2, 1)] * 2, "amount": [11.0, 10.0], "kind": ["unexcused"] * 2}
    )
    roster = pa.table({"pupil_id": [1, 2], "school_id": ["S", "S"], "level": ["school", "school"]})
    as_json = json.dumps(tomllib.loads(OVER_10))
    for text in (OVER_10, as_json):
        flags = absence.evaluate(records, roster=roster, window=WINDOW, profile=text)
        assert flags.column("pupil_id").to_pylist() == [1]
        assert flags.column("legal_basis").to_pylist() == ["a test profile"]
        assert flags.schema.metadata[b"edurules.profile"] == b"test.over10"


def test_the_presets_by_name():
    assert absence.PROFILES == ("bg-isrm", "pl-compulsory-schooling", "chronic-absence")
    records = pa.table({"pupil_id": [1], "date": [datetime.date(2018, 2, 1)], "amount": [131.0], "kind": ["unexcused"]})
    roster = pa.table({"pupil_id": [1], "school_id": ["S"], "level": ["school"]})
    assert set(absence.evaluate(records, roster=roster, window=WINDOW).column("rule").to_pylist()) == {
        "bg.isrm.total",
        "bg.isrm.unexcused",
    }
    # The Polish and chronic-absence rules are shares of planned amounts:
    # without `planned=` nobody is flagged, the profile is the one asked.
    for name, id_ in (("pl-compulsory-schooling", b"pl.obowiazek"), ("chronic-absence", b"chronic")):
        flags = absence.evaluate(records, roster=roster, window=WINDOW, profile=name)
        assert flags.num_rows == 0
        assert flags.schema.metadata[b"edurules.profile"] == id_


def test_planned_amounts_make_the_polish_rule_count():
    # Art. 42 ust. 2 pkt 1 Prawa oświatowego: unexcused absence on at least 50%
    # of the days of classes of one month. 10 of 20 planned days in February
    # 2018 is the boundary; 9 is below it. Lesson hours count towards no
    # Polish rule.
    roster = pa.table({"pupil_id": [1, 2, 3], "school_id": ["S"] * 3, "level": ["school"] * 3})
    records = pa.table(
        {
            "pupil_id": [1, 2, 3],
            "date": [datetime.date(2018, 2, 1)] * 3,
            "amount": [10.0, 9.0, 100.0],
            "kind": ["unexcused"] * 3,
            "unit": ["days", "days", "hours"],
        }
    )
    planned = pa.table({"pupil_id": [1, 2, 3], "unit": ["days"] * 3, "amount": [20] * 3, "month": ["2018-02"] * 3})
    flags = absence.evaluate(records, roster=roster, window=WINDOW, profile="pl-compulsory-schooling", planned=planned)
    assert flags.column("pupil_id").to_pylist() == [1]
    assert flags.column("planned").to_pylist() == ["20"]
    assert flags.column("unit").to_pylist() == ["days"]
    assert flags.schema.metadata[b"edurules.not_counted"] == b"1"
    # The month may be a date (its month), from Polars too.
    pl = pytest.importorskip("polars")
    as_dates = pl.DataFrame(
        {"pupil_id": [1, 2, 3], "unit": ["days"] * 3, "amount": [20.0] * 3, "month": [datetime.date(2018, 2, 1)] * 3}
    )
    again = absence.evaluate(records, roster=roster, window=WINDOW, profile="pl-compulsory-schooling", planned=as_dates)
    assert again.column("pupil_id").to_pylist() == [1]


def test_bad_planned_amounts_are_typed_errors_naming_the_column():
    roster = pa.table({"pupil_id": [1], "school_id": ["S"], "level": ["school"]})
    records = pa.table({"pupil_id": [1], "date": [datetime.date(2018, 2, 1)], "amount": [1.0], "kind": ["unexcused"]})
    bad = pa.table({"pupil_id": [1], "unit": ["minutes"], "amount": [80]})
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, profile="chronic-absence", planned=bad, locale="pl")
    assert e.value.code == "absence.arrow_value"
    assert e.value.details["argument"] == "planned"
    assert e.value.details["column"] == "unit"
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, planned=pa.table({"pupil_id": [1], "amount": [80]}))
    assert e.value.code == "absence.arrow_missing_column"


def test_a_bad_profile_is_a_typed_error():
    records, roster = generate(pupils=20, rows=100)
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, profile="bg_isrm", locale="bg")
    assert e.value.code == "python.unknown_profile"
    assert e.value.details["profiles"] == list(absence.PROFILES)
    assert "„bg-isrm“" in e.value.message
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, profile=OVER_10.replace("counts =", "count ="))
    assert e.value.code.startswith("config.")
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, profile='{"name": "no absence section"}')
    assert e.value.code == "config.missing_section"


def test_without_a_roster_the_records_own_columns_are_the_roster():
    records, roster = generate(seed=5)
    expected = absence.evaluate(records, roster=roster, window=WINDOW)
    joined = records.join(roster, "pupil_id")
    got = absence.evaluate(joined, window=WINDOW)
    assert key(got) == key(expected)
    pl = pytest.importorskip("polars")
    assert key(absence.evaluate(pl.from_arrow(joined), window=WINDOW)) == key(expected)
    # A pupil in two schools is refused, naming the pupil.
    twice = pa.table(
        {
            "pupil_id": [1, 1],
            "date": [datetime.date(2018, 2, 1)] * 2,
            "amount": [1.0, 1.0],
            "kind": ["excused"] * 2,
            "school_id": ["A", "B"],
            "level": ["school", "school"],
        }
    )
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(twice, window=WINDOW)
    assert e.value.code == "absence.duplicate_pupil"
    assert e.value.details["pupil_id"] == 1


def small():
    records = pa.table(
        {
            "pupil_id": pa.array([1, 2, 3], pa.uint64()),
            "date": pa.array([datetime.date(2018, 2, 1)] * 3, pa.date32()),
            "amount": [1.0, 2.0, 3.0],
            "kind": ["excused", "unexcused", "excused"],
        }
    )
    roster = pa.table({"pupil_id": [1, 2, 3], "school_id": ["S"] * 3, "level": ["school"] * 3})
    return records, roster


@pytest.mark.parametrize("locale", ["pl", "bg", "en"])
def test_a_missing_column_is_named(locale):
    records, roster = small()
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records.drop_columns(["kind"]), roster=roster, window=WINDOW, locale=locale)
    assert e.value.code == "absence.arrow_missing_column"
    assert e.value.details == {"argument": "data", "batch": 0, "column": "kind"}
    assert {"pl": "„kind”", "bg": "„kind“", "en": "“kind”"}[locale] in e.value.message
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster.drop_columns(["level"]), window=WINDOW)
    assert e.value.code == "absence.arrow_missing_column"
    assert e.value.details == {"argument": "roster", "column": "level"}


def test_a_wrong_type_is_named():
    records, roster = small()
    as_text = records.set_column(1, "date", pa.array(["2018-02-01"] * 3))
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(as_text, roster=roster, window=WINDOW)
    assert e.value.code == "absence.arrow_column_type"
    assert e.value.details["column"] == "date"
    assert e.value.details["expected"] == "Date32"


def test_a_null_is_named_with_its_batch_and_row():
    records, roster = small()
    with_null = records.set_column(2, "amount", pa.array([1.0, None, 3.0]))
    reader = pa.RecordBatchReader.from_batches(
        records.schema.set(2, pa.field("amount", pa.float64())),
        [records.to_batches()[0], with_null.to_batches()[0]],
    )
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(reader, roster=roster, window=WINDOW)
    assert e.value.code == "absence.arrow_null"
    assert e.value.details == {"argument": "data", "batch": 1, "column": "amount", "row": 1}


def test_a_bad_value_and_an_incoherent_record_are_named():
    records, roster = small()
    sick = records.set_column(3, "kind", pa.array(["excused", "sick", "excused"]))
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(sick, roster=roster, window=WINDOW)
    assert e.value.code == "absence.arrow_value"
    assert (e.value.details["column"], e.value.details["row"], e.value.details["value"]) == ("kind", 1, "sick")
    on_time = records.set_column(3, "kind", pa.array(["late"] * 3)).set_column(2, "amount", pa.array([0.0] * 3))
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(on_time, roster=roster, window=WINDOW)
    assert e.value.code == "absence.arrow_record"
    assert e.value.details["problem"] == "absence.late_without_delay"


@pytest.mark.parametrize("bad", [[1, 2, 3], {"pupil_id": [1]}, "records.parquet", None])
def test_data_without_an_arrow_interface_is_refused_clearly(bad):
    records, roster = small()
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(bad, roster=roster, window=WINDOW, locale="pl")
    assert e.value.code == "python.not_arrow"
    assert e.value.details["argument"] == "data"
    assert "__arrow_c_stream__" in e.value.message and "„Arrow”" in e.value.message
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=[1], window=WINDOW)
    assert (e.value.code, e.value.details["argument"]) == ("python.not_arrow", "roster")


def test_a_failing_producer_is_a_typed_error():
    records, roster = small()

    def batches():
        yield records.to_batches()[0]
        raise OSError("disk gone")

    reader = pa.RecordBatchReader.from_batches(records.schema, batches())
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(reader, roster=roster, window=WINDOW)
    assert e.value.code == "python.arrow_stream"
    assert "disk gone" in e.value.details["reason"]
    # The producer's own words, without the C interface's preamble.
    assert "“IOError: disk gone" in e.value.message


def test_the_binding_messages_exist_in_three_languages():
    records, roster = small()
    seen = {}
    for locale in ("pl", "bg", "en"):
        for call in (
            lambda: absence.evaluate([1], roster=roster, window=WINDOW, locale=locale),
            lambda: absence.evaluate(records, roster=roster, window=WINDOW, profile="x", locale=locale),
        ):
            with pytest.raises(edurules.AbsenceError) as e:
                call()
            seen.setdefault(e.value.code, {})[locale] = e.value.message
    for code, texts in seen.items():
        assert len(set(texts.values())) == 3, code
        assert any("\u0400" <= c <= "\u04ff" for c in texts["bg"]), code
        assert not any("\u0400" <= c <= "\u04ff" for c in texts["en"]), code


def test_an_empty_stream_flags_nobody():
    records, roster = small()
    flags = absence.evaluate(records.slice(0, 0), roster=roster, window=WINDOW)
    assert flags.num_rows == 0
    assert flags.schema.metadata[b"edurules.records"] == b"0"
    assert "legal_basis" in flags.column_names


def with_lessons(records, seed=9):
    """The records with a `lesson` number on the school hours (1–8), so that
    some are duplicates (same pupil, date and lesson), some of which disagree
    on the kind: the engine keeps the one counting most towards unexcused."""
    rng = random.Random(seed)
    lesson = [None if u != "hours" else rng.randint(1, 8) for u in records.column("unit").to_pylist()]
    amount = [1.0 if l is not None else a for l, a in zip(lesson, records.column("amount").to_pylist())]
    return records.set_column(2, "amount", pa.array(amount)).append_column("lesson", pa.array(lesson, pa.uint8()))


@pytest.fixture(scope="module")
def big():
    """1.2 M records (8 copies of 150,000) over 20,000 pupils in random order,
    in one chunk: folded in slices of 2^16 rows, each classified by pupil
    partition and applied partition by partition."""
    records, roster = generate(pupils=20_000, rows=150_000, seed=8)
    records = with_lessons(records)
    return pa.concat_tables([records] * 8).combine_chunks(), roster


@pytest.mark.parametrize("threads", [2, 8])
def test_folding_on_several_threads_gives_the_same_table(big, threads):
    records, roster = big
    one = absence.evaluate(records, roster=roster, window=WINDOW, threads=1)
    assert int(one.schema.metadata[b"edurules.duplicates"]) > 100_000
    assert one.num_rows > 100
    many = absence.evaluate(records, roster=roster, window=WINDOW, threads=threads)
    assert many.equals(one) and many.schema.metadata == one.schema.metadata
    batches = pa.RecordBatchReader.from_batches(records.schema, records.to_batches(max_chunksize=70_000))
    assert absence.evaluate(batches, roster=roster, window=WINDOW, threads=threads).equals(one)


def test_the_sentences_of_many_flags_written_on_several_threads_stay_on_their_rows():
    # Over 4,096 flags: their sentences are written on several threads, then put back in
    # the order of the flags. Each pupil has over 40 unexcused hours and over 130 in all:
    # one flag for each rule.
    pupils = 6_000
    ids = list(range(1, pupils + 1))
    records = pa.table(
        {
            "pupil_id": pa.array(ids * 2, pa.uint64()),
            "date": [datetime.date(2018, 2, 1)] * (2 * pupils),
            "amount": [41 + p % 60 / 60 for p in ids] + [90.0] * pupils,
            "kind": ["unexcused"] * pupils + ["excused"] * pupils,
        }
    )
    roster = pa.table({"pupil_id": pa.array(ids, pa.uint64()), "school_id": ["SU-7"] * pupils, "level": ["school"] * pupils})
    flags = absence.evaluate(records, roster=roster, window=WINDOW, threads=3, locale="bg")
    assert flags.num_rows == 2 * pupils
    for row in flags.select(["pupil_id", "rule", "message"]).to_pylist():
        assert row["message"].startswith(f"Ученик {row['pupil_id']} (училище „SU-7“)"), row
        assert f"Правило „{row['rule']}“" in row["message"], row
    one = absence.evaluate(records, roster=roster, window=WINDOW, threads=1, locale="bg")
    assert flags.equals(one)


def test_records_in_random_order_give_the_table_of_the_sorted_records(big):
    records, roster = big
    assert len(records.to_batches()) == 1 and records.num_rows > 1 << 20
    shuffled = absence.evaluate(records, roster=roster, window=WINDOW, threads=1)
    # Sorted by pupil, the records are folded run by run (not classified).
    grouped = absence.evaluate(records.sort_by("pupil_id"), roster=roster, window=WINDOW, threads=1)
    assert shuffled.equals(grouped)


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_a_bad_row_in_a_big_batch_is_named_by_its_row_in_that_batch(threads):
    # One batch of 2.2 M rows over 10,000 pupils in random order is folded in
    # slices of 2^16 rows; the row named is the batch's, and the first bad
    # one whatever thread meets which slice.
    n = 2_200_000
    indices = [0] * n
    for bad in (1_100_001, 2_100_000, 2_199_999):
        indices[bad] = 1
    records = pa.table(
        {
            "pupil_id": pa.array([(i * 7919) % 10_000 + 1 for i in range(n)], pa.uint64()),
            "date": pa.array([datetime.date(2018, 2, 1)] * n, pa.date32()),
            "amount": pa.array([1.0] * n),
            "kind": pa.DictionaryArray.from_arrays(pa.array(indices, pa.int8()), pa.array(["excused", "sick"])),
        }
    )
    assert records.num_rows == n and len(records.to_batches()) == 1
    roster = pa.table({"pupil_id": list(range(1, 10_001)), "school_id": ["S"] * 10_000, "level": ["school"] * 10_000})
    with pytest.raises(edurules.AbsenceError) as e:
        absence.evaluate(records, roster=roster, window=WINDOW, threads=threads)
    assert e.value.code == "absence.arrow_value"
    assert (e.value.details["batch"], e.value.details["row"]) == (0, 1_100_001)
    assert "1100001" in e.value.message.replace(" ", "").replace("\u00a0", "").replace(",", "")


def test_the_gil_is_released_while_folding(big):
    import threading
    import time

    records, roster = big
    records = pa.concat_tables([records] * 3).combine_chunks()
    done = threading.Event()
    took = []

    def run():
        start = time.perf_counter()
        absence.evaluate(records, roster=roster, window=WINDOW, threads=1)
        took.append(time.perf_counter() - start)
        done.set()

    worker = threading.Thread(target=run)
    gaps, last = [], time.perf_counter()
    worker.start()
    while not done.is_set():
        # Pure Python: runs only while this thread holds the GIL.
        sum(range(1_000))
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join()
    # Had the fold kept the GIL, this loop would have stalled for all of it.
    if took[0] < 0.3:
        pytest.skip(f"the fold took {took[0]:.2f} s, too short to tell a stall from scheduling")
    assert max(gaps) < took[0] / 2, (max(gaps), took[0])
