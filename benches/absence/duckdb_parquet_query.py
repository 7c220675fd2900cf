#!/usr/bin/env python3
"""The DuckDB baseline over Parquet: the ISRM selections as one GROUP BY/HAVING query over the
same Parquet files absence_report reads (see vs_duckdb_parquet.sh).

usage: duckdb_parquet_query.py RECORDS.parquet ROSTER.parquet [THREADS]
Prints the two selection counts and DuckDB's own query time.
"""
import sys
import time

import duckdb

QUERY = """
WITH r AS (
  SELECT * FROM read_parquet(?)
  WHERE date BETWEEN DATE '2017-09-15' AND DATE '2018-06-01'
),
agg AS (
  SELECT pupil_id,
    SUM(CASE WHEN kind IN ('excused', 'unexcused') THEN hours
             WHEN kind = 'late' THEN CASE WHEN hours <= 20 THEN 0.5 ELSE 1 END END) AS total,
    SUM(CASE WHEN kind = 'unexcused' THEN hours
             WHEN kind = 'late' THEN CASE WHEN hours <= 20 THEN 0.5 ELSE 1 END END) AS unexcused
  FROM r GROUP BY pupil_id
  HAVING total > 130 OR unexcused > 40
)
SELECT
  count(*) FILTER (WHERE s.level = 'school' AND a.total > 130) AS total_over_130,
  count(*) FILTER (WHERE s.level = 'school' AND a.unexcused > 40) AS unexcused_over_40
FROM agg a JOIN read_parquet(?) s ON s.pupil_id = a.pupil_id
"""


def main():
    records, roster = sys.argv[1], sys.argv[2]
    con = duckdb.connect()
    if len(sys.argv) > 3:
        con.execute(f"SET threads = {int(sys.argv[3])}")
    start = time.perf_counter()
    total, unexcused = con.execute(QUERY, [records, roster]).fetchone()
    elapsed = time.perf_counter() - start
    print(f"bg.isrm.total: {total} pupils")
    print(f"bg.isrm.unexcused: {unexcused} pupils")
    print(f"duckdb query seconds: {elapsed:.3f}")


if __name__ == "__main__":
    main()
