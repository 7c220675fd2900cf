#!/usr/bin/env python3
"""edurules.absence.evaluate against DuckDB SQL and Polars group_by, same run,
same in-memory data.

usage: evaluate_vs.py [ROWS] [PUPILS] [RUNS]   (defaults: 10,000,000 rows, 700,000 pupils, 3)

Each timing is the best of RUNS calls after one untimed call (printed as the first call),
for every engine alike.

Generates the records in memory as one pyarrow Table, as benches/absence/gen.py
writes them to CSV (random pupil order, dates in the seed-002 window
2017-09-15..2018-06-01 plus ~1 % after it, ~6 % late arrivals whose amount is
minutes late, 5 % preschool children, who also get hours: those count towards
no rule), and a roster Table. Then times, best of RUNS each, the Bulgarian
selections (over 130 hours in total, over 40 unexcused hours, for school
pupils) computed by

- edurules.absence.evaluate(table, roster=roster, ...): the flags table;
- DuckDB SQL over the same pyarrow Tables (GROUP BY / HAVING, joined to the
  roster): the same flags (pupil, rule, measured amount);
- Polars group_by over DataFrames made from the same Tables (the conversion,
  zero-copy for most columns, is done once before timing): the same flags;

checks that the three give the same (pupil, rule, measured) sets, and prints
rows/s and the ratios; first on the records in random pupil order, then on
the same records sorted by pupil (as registers export them). evaluate is also
timed with threads=1, and with no record at all (the same roster: the part of a call that
does not depend on the records). Each engine uses the machine's cores (DuckDB's and
Polars' default threads; evaluate's `threads=None`).

Build the module in release first:
  cd bindings/python && maturin develop --release
Needs: pyarrow, duckdb, polars (pip).
"""

import datetime
import os
import sys
import time

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

import edurules

FIRST, LAST = datetime.date(2017, 9, 15), datetime.date(2018, 6, 1)
EPOCH_FIRST = (FIRST - datetime.date(1970, 1, 1)).days


def scaled(random, n, lo):
    """Whole numbers lo..lo+n-1 from uniform doubles."""
    return pc.add(pc.cast(pc.floor(pc.multiply(random, n)), pa.int64()), lo)


def generate(rows, pupils, seed=20180611):
    cols = {}
    r = [pc.random(rows, initializer=seed + i) for i in range(5)]
    cols["pupil_id"] = pc.cast(scaled(r[0], pupils, 1), pa.uint64())
    cols["date"] = pc.cast(pc.cast(scaled(r[1], 263, EPOCH_FIRST), pa.int32()), pa.date32())
    # kind: 60 % excused, 34 % unexcused, 6 % late.
    kind_code = pc.if_else(pc.less(r[2], 0.60), 0, pc.if_else(pc.less(r[2], 0.94), 1, 2))
    kind = pa.DictionaryArray.from_arrays(
        pc.cast(kind_code, pa.int8()), pa.array(["excused", "unexcused", "late"])
    )
    hours = pc.cast(scaled(r[3], 7, 1), pa.float64())
    minutes = pc.take(pa.array([5.0, 10.0, 20.0, 21.0, 35.0, 45.0]), scaled(r[4], 6, 0))
    cols["amount"] = pc.if_else(pc.equal(kind_code, 2), minutes, hours)
    cols["kind"] = kind
    records = pa.table(cols).combine_chunks()
    ids = range(1, pupils + 1)
    roster = pa.table(
        {
            "pupil_id": pa.array(ids, pa.uint64()),
            "school_id": [f"S{p // 500}" for p in ids],
            "level": ["preschool" if p % 20 == 0 else "school" for p in ids],
        }
    )
    return records, roster


SQL = """
WITH agg AS (
  SELECT pupil_id,
    SUM(CASE WHEN kind = 'late' THEN CASE WHEN amount <= 20 THEN 0.5 ELSE 1 END ELSE amount END) AS total,
    SUM(CASE WHEN kind = 'late' THEN CASE WHEN amount <= 20 THEN 0.5 ELSE 1 END
             WHEN kind = 'unexcused' THEN amount ELSE 0 END) AS unexcused
  FROM records
  WHERE date BETWEEN DATE '2017-09-15' AND DATE '2018-06-01'
  GROUP BY pupil_id
  HAVING total > 130 OR unexcused > 40
)
SELECT a.pupil_id, 'bg.isrm.total' AS rule, a.total AS measured
  FROM agg a JOIN roster s USING (pupil_id) WHERE s.level = 'school' AND a.total > 130
UNION ALL
SELECT a.pupil_id, 'bg.isrm.unexcused', a.unexcused
  FROM agg a JOIN roster s USING (pupil_id) WHERE s.level = 'school' AND a.unexcused > 40
"""


def run_duckdb(con):
    return con.sql(SQL).to_arrow_table()


def run_polars(records, roster):
    late = pl.col("kind") == "late"
    late_hours = pl.when(pl.col("amount") <= 20).then(0.5).otherwise(1.0)
    agg = (
        records.lazy()
        .filter(pl.col("date").is_between(FIRST, LAST))
        .group_by("pupil_id")
        .agg(
            pl.when(late).then(late_hours).otherwise(pl.col("amount")).sum().alias("total"),
            pl.when(late)
            .then(late_hours)
            .when(pl.col("kind") == "unexcused")
            .then(pl.col("amount"))
            .otherwise(0.0)
            .sum()
            .alias("unexcused"),
        )
        .filter((pl.col("total") > 130) | (pl.col("unexcused") > 40))
        .join(roster.lazy().filter(pl.col("level") == "school"), on="pupil_id")
    )
    total = agg.filter(pl.col("total") > 130).select("pupil_id", pl.lit("bg.isrm.total").alias("rule"), pl.col("total").alias("measured"))
    unexcused = agg.filter(pl.col("unexcused") > 40).select("pupil_id", pl.lit("bg.isrm.unexcused").alias("rule"), pl.col("unexcused").alias("measured"))
    return pl.concat([total, unexcused]).collect()


def run_edurules(records, roster, threads=None):
    return edurules.absence.evaluate(records, roster=roster, window=(FIRST, LAST), threads=threads)


def flags_of(pupils, rules, measured):
    return set(zip(pupils, rules, (round(float(m) * 60) for m in measured)))


def best(label, rows, fn, runs):
    # One untimed call first, for every engine alike: a process's first calls pay for its
    # warm-up (fresh memory faulted in, thread pools started); its time is printed apart.
    start = time.perf_counter()
    out = fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    t = min(times)
    rate = f"({rows / t / 1e6:6.1f} M rows/s)" if rows else " " * 18
    print(f"{label:<32} best {t:7.3f} s  {rate}  runs: {', '.join(f'{x:.3f}' for x in times)}"
          f"  (first call {first:.3f})")
    return t, out


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    pupils = int(sys.argv[2]) if len(sys.argv) > 2 else 700_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    print(f"load average before: {os.getloadavg()[0]:.2f}; cores: {os.cpu_count()}")
    start = time.perf_counter()
    records, roster = generate(rows, pupils)
    print(f"generated {rows:,} rows over {pupils:,} pupils in {time.perf_counter() - start:.1f} s "
          f"({records.nbytes / 2**20:.0f} MiB in Arrow)")
    failed = False
    for order in ("random pupil order", "grouped by pupil"):
        if order == "grouped by pupil":
            # As registers export them (and as the Spark job's partitions are read).
            records = records.sort_by("pupil_id").combine_chunks()
        print(f"--- {order}")
        failed |= not compare(records, roster, rows, runs)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if failed:
        sys.exit(1)


def compare(records, roster, rows, runs):
    """Times the three on `records`, checks they agree, prints the ratios."""
    con = duckdb.connect()
    con.register("records", records)
    con.register("roster", roster)
    pl_records, pl_roster = pl.from_arrow(records), pl.from_arrow(roster)

    t_e, ours = best("edurules.absence.evaluate", rows, lambda: run_edurules(records, roster), runs)
    t_1, _ = best("  the same, threads=1", rows, lambda: run_edurules(records, roster, 1), runs)
    # The part of a call that does not depend on the records: the roster read, every pupil
    # evaluated, the flags table.
    none = records.slice(0, 0)
    best("  no record, the same roster", 0, lambda: run_edurules(none, roster), runs)
    t_d, duck = best("DuckDB SQL", rows, lambda: run_duckdb(con), runs)
    t_p, polars = best("Polars group_by", rows, lambda: run_polars(pl_records, pl_roster), runs)

    # evaluate gives the measured amount in sixtieths; the others in hours.
    a = set(zip(ours["pupil_id"].to_pylist(), ours["rule"].to_pylist(), ours["measured_sixtieths"].to_pylist()))
    d = flags_of(duck["pupil_id"].to_pylist(), duck["rule"].to_pylist(), duck["measured"].to_pylist())
    p = flags_of(polars["pupil_id"].to_list(), polars["rule"].to_list(), polars["measured"].to_list())
    agree = a == d == p
    print(f"flags: edurules {len(a):,}, DuckDB {len(d):,}, Polars {len(p):,}; same (pupil, rule, measured): {agree}")
    faster = min(t_d, t_p)
    print(f"ratio: {t_d / t_e:.2f}x DuckDB, {t_p / t_e:.2f}x Polars; {faster / t_e:.2f}x the faster of the two (goal >= 2x)")
    print(f"ratio with threads=1: {faster / t_1:.2f}x the faster of the two")
    return agree


if __name__ == "__main__":
    main()
