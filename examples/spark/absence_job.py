#!/usr/bin/env python3
"""The absence risk selections on Spark: edurules.absence.evaluate on each
partition of pupils, through mapInArrow.

usage:
  spark-submit absence_job.py RECORDS ROSTER OUT --first 2017-09-15 --last 2018-06-01 \\
      [--profile bg-isrm] [--partitions 200] [--locale en]

RECORDS and ROSTER are Parquet files or directories (the absence crate's
record and roster columns: pupil_id, date, amount or hours, kind, optional
unit and lesson; pupil_id, school_id, level, optional grade). OUT receives
the flags as Parquet, one row per finding, with the rule, the figures, the
legal basis and the sentence in --locale.

How the work is split: the roster rows and the record rows are put in one
DataFrame and repartitioned by pupil_id, so that a pupil's roster row and all
of their records land in the same partition; within a partition the roster
rows are sorted first and the records by pupil (Spark's sort spills to disk,
it does not need the partition in memory). Each partition is then one streaming evaluation: the
Python worker reads the roster rows (O(pupils of the partition)), then hands
the record batches one by one to evaluate, which folds them into one row of
counters per pupil and keeps no record. Memory per task is O(pupils per
partition) plus one Arrow batch (spark.sql.execution.arrow.maxRecordsPerBatch),
whatever the number of records. The rules are per pupil, so the union of the
partitions' flags is the flags of the whole data.
"""

from __future__ import annotations

import argparse
import datetime
from typing import Iterator, Optional

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

RECORD_COLUMNS = ("pupil_id", "date", "amount", "hours", "kind", "unit", "lesson")
ROSTER_COLUMNS = ("pupil_id", "school_id", "level", "grade")
IS_RECORD = "_edurules_is_record"

# The flags' columns as Spark types (the evaluate table cast to them).
FLAGS_SCHEMA = (
    "pupil_id long, school_id string, level string, grade int, rule string, counts string, "
    "unit string, first date, last date, month string, measured string, "
    "measured_sixtieths long, operator string, limit string, planned string, "
    "legal_basis string, message string"
)


def _flags_arrow_schema() -> pa.Schema:
    text = pa.string()
    return pa.schema(
        [
            ("pupil_id", pa.int64()), ("school_id", text), ("level", text), ("grade", pa.int32()),
            ("rule", text), ("counts", text), ("unit", text), ("first", pa.date32()),
            ("last", pa.date32()), ("month", text), ("measured", text),
            ("measured_sixtieths", pa.int64()), ("operator", text), ("limit", text),
            ("planned", text), ("legal_basis", text), ("message", text),
        ]
    )


def combined(records: DataFrame, roster: DataFrame, partitions: int) -> DataFrame:
    """Roster and record rows in one DataFrame, partitioned by pupil, the
    roster rows first in each partition."""
    rec_cols = [c for c in RECORD_COLUMNS if c in records.columns]
    ros_cols = [c for c in ROSTER_COLUMNS if c in roster.columns]
    records = records.select(*rec_cols).withColumn("pupil_id", F.col("pupil_id").cast("long"))
    roster = roster.select(*ros_cols).withColumn("pupil_id", F.col("pupil_id").cast("long"))
    both = records.withColumn(IS_RECORD, F.lit(1)).unionByName(
        roster.withColumn(IS_RECORD, F.lit(0)), allowMissingColumns=True
    )
    # Roster rows first; records grouped by pupil, which the fold reads fastest.
    return both.repartition(partitions, "pupil_id").sortWithinPartitions(IS_RECORD, "pupil_id")


def evaluate_partition(
    batches: Iterator[pa.RecordBatch],
    window: tuple,
    profile: str,
    locale: Optional[str],
    record_columns: list,
    roster_columns: list,
) -> Iterator[pa.RecordBatch]:
    """One partition: its roster rows (first), then its records streamed into
    edurules.absence.evaluate; yields the flags."""
    import edurules  # imported on the executor

    roster_parts = []
    first_records = []
    it = iter(batches)
    for batch in it:
        is_record = pc.equal(batch.column(IS_RECORD), 1)
        pupils = batch.filter(pc.invert(is_record))
        if pupils.num_rows:
            roster_parts.append(pupils.select(roster_columns))
        recs = batch.filter(is_record)
        if recs.num_rows:
            first_records.append(recs.select(record_columns))
            break
    record_schema = None

    def records() -> Iterator[pa.RecordBatch]:
        yield from first_records
        for batch in it:
            yield batch.select(record_columns)

    if first_records:
        record_schema = first_records[0].schema
        data = pa.RecordBatchReader.from_batches(record_schema, records())
    else:
        data = pa.table({"pupil_id": pa.array([], pa.int64()), "date": pa.array([], pa.date32()),
                         "amount": pa.array([], pa.float64()), "kind": pa.array([], pa.string())})
    if roster_parts:
        roster = pa.Table.from_batches(roster_parts)
    else:
        roster = pa.table({"pupil_id": pa.array([], pa.int64()), "school_id": pa.array([], pa.string()),
                           "level": pa.array([], pa.string())})
    # One thread per task: Spark runs one task per core.
    flags = edurules.absence.evaluate(
        data, roster=roster, window=window, profile=profile, locale=locale, threads=1
    )
    yield from flags.cast(_flags_arrow_schema()).to_batches()


def run(
    spark: SparkSession,
    records_path: str,
    roster_path: str,
    out: str,
    first: datetime.date,
    last: datetime.date,
    profile: str = "bg-isrm",
    partitions: int = 200,
    locale: Optional[str] = None,
) -> None:
    """Reads the Parquet inputs, evaluates each partition, writes the flags."""
    records = spark.read.parquet(records_path)
    roster = spark.read.parquet(roster_path)
    both = combined(records, roster, partitions)
    record_columns = [c for c in RECORD_COLUMNS if c in records.columns]
    roster_columns = [c for c in ROSTER_COLUMNS if c in roster.columns]
    window = (first, last)

    def per_partition(batches):
        return evaluate_partition(batches, window, profile, locale, record_columns, roster_columns)

    flags = both.mapInArrow(per_partition, FLAGS_SCHEMA)
    flags.write.mode("overwrite").parquet(out)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("records")
    p.add_argument("roster")
    p.add_argument("out")
    p.add_argument("--first", required=True, type=datetime.date.fromisoformat)
    p.add_argument("--last", required=True, type=datetime.date.fromisoformat)
    p.add_argument("--profile", default="bg-isrm")
    p.add_argument("--partitions", type=int, default=200)
    p.add_argument("--locale", default=None)
    a = p.parse_args()
    spark = SparkSession.builder.appName("edurules-absence").getOrCreate()
    run(spark, a.records, a.roster, a.out, a.first, a.last, a.profile, a.partitions, a.locale)
    spark.stop()


if __name__ == "__main__":
    main()
