"""The Spark job (examples/spark/absence_job.py) with local[2] on generated
Parquet data gives, pupil by pupil, the flags of the single-process
edurules.absence.evaluate of the same data."""

import datetime
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import edurules
from test_absence import WINDOW, generate

JOB = Path(__file__).resolve().parents[3] / "examples" / "spark" / "absence_job.py"


def java_works():
    java = shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java"))
    if not java:
        return False
    return subprocess.run([str(java), "-version"], capture_output=True).returncode == 0


pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pyspark is not installed (pip install pyspark)"),
    pytest.mark.skipif(not java_works(), reason="Spark needs Java 17 or later (java on PATH or JAVA_HOME)"),
]


def load_job():
    spec = importlib.util.spec_from_file_location("absence_job", JOB)
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    return job


def by_pupil(table):
    rows = {}
    for row in table.to_pylist():
        rows.setdefault(row["pupil_id"], []).append(tuple(sorted(row.items())))
    return {p: sorted(r) for p, r in rows.items()}


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("edurules-absence-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.parametrize("locale", ["bg"])
def test_the_spark_job_gives_the_single_process_flags_pupil_by_pupil(spark, tmp_path, locale):
    records, roster = generate(pupils=200, rows=12_000, seed=7)
    # Spark has no unsigned 64-bit type (it would read a Decimal): ids as int64.
    records = records.set_column(0, "pupil_id", records.column("pupil_id").cast(pa.int64()))
    roster = roster.set_column(0, "pupil_id", roster.column("pupil_id").cast(pa.int64()))
    pq.write_table(records, tmp_path / "records.parquet")
    pq.write_table(roster, tmp_path / "roster.parquet")
    expected = edurules.absence.evaluate(records, roster=roster, window=WINDOW, locale=locale)
    assert expected.num_rows > 20

    job = load_job()
    out = tmp_path / "flags"
    job.run(spark, str(tmp_path / "records.parquet"), str(tmp_path / "roster.parquet"), str(out),
            WINDOW[0], WINDOW[1], partitions=2, locale=locale)
    got = pq.read_table(out)
    want = expected.cast(got.schema)
    assert by_pupil(got) == by_pupil(want)
    assert got.num_rows == expected.num_rows
