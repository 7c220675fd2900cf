#!/usr/bin/env bash
# Parquet benchmark of edurules-absence against DuckDB, in the same run, on the same file.
#
#   benches/absence/vs_duckdb_parquet.sh [DATA_DIR] [RUNS]
#
# Generates (once) 10,000,000 CSV rows over 700,000 pupils in DATA_DIR (default
# benches/data/absence, git-ignored) with gen.py, converts them once to Parquet with DuckDB
# (`COPY ... TO ... (FORMAT parquet)`: Snappy, row groups of 122,880 rows; records as
# `pupil_id UBIGINT, date DATE, hours INTEGER, kind VARCHAR`, the roster as
# `pupil_id UBIGINT, school_id VARCHAR, level VARCHAR`) into DATA_DIR/parquet/, builds the
# absence_report example in release with the facade feature absence-parquet (honouring
# CARGO_TARGET_DIR), then runs, RUNS times each (default 3), on THREADS threads each (default
# 2: RAYON_NUM_THREADS for us, `SET threads` for DuckDB), our end-to-end selection (read both
# Parquet files, fold, evaluate the Bulgarian ISRM selections with `--preset bulgaria-isrm`:
# the default configuration is the Polish one, which DuckDB's query does not compute) and DuckDB's
# equivalent GROUP BY/HAVING query over the same files (`pip install duckdb`), each under
# /usr/bin/time -v. Prints wall seconds, rows/s, peak RSS, checks both found the same
# selections, and prints the ratio of best times (goal: >= 1.5x DuckDB).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-benches/data/absence}
RUNS=${2:-3}
THREADS=${THREADS:-2}
if [ ! -s "$DATA/records.csv" ]; then
  echo "generating $DATA ..."
  python3 benches/absence/gen.py "$DATA"
fi
PQ="$DATA/parquet"
if [ ! -s "$PQ/records.parquet" ] || [ ! -s "$PQ/roster.parquet" ]; then
  echo "converting to Parquet with DuckDB ..."
  mkdir -p "$PQ"
  python3 - "$DATA" "$PQ" <<'PY'
import sys, duckdb
data, pq = sys.argv[1], sys.argv[2]
duckdb.sql(f"""COPY (SELECT * FROM read_csv('{data}/records.csv', header = true,
  columns = {{'pupil_id': 'UBIGINT', 'date': 'DATE', 'hours': 'INTEGER', 'kind': 'VARCHAR'}}))
  TO '{pq}/records.parquet' (FORMAT parquet)""")
duckdb.sql(f"""COPY (SELECT * FROM read_csv('{data}/roster.csv', header = true,
  columns = {{'pupil_id': 'UBIGINT', 'school_id': 'VARCHAR', 'level': 'VARCHAR'}}))
  TO '{pq}/roster.parquet' (FORMAT parquet)""")
PY
fi
ROWS=$(python3 -c "import duckdb; print(duckdb.connect().execute(\"SELECT count(*) FROM read_parquet('$PQ/records.parquet')\").fetchone()[0])")
SIZE=$(du -m "$PQ/records.parquet" | cut -f1)
cargo build -q --release --example absence_report --features absence-parquet
# Honour CARGO_TARGET_DIR, as cargo does.
BIN=${CARGO_TARGET_DIR:-target}/release/examples/absence_report

# run OUTFILE CMD... : wall seconds, max RSS (MB) and cpu seconds of one run.
run() {
  local out=$1; shift
  # absence_report exits 1 when a pupil is flagged: not a failure here.
  /usr/bin/time -v "$@" > "$out" 2> "$out.time" || [ $? -eq 1 ]
  local wall rss cpu
  wall=$(grep "Elapsed (wall clock)" "$out.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep "Maximum resident set size" "$out.time" | awk '{print int($NF / 1024)}')
  cpu=$(grep -E "(User|System) time" "$out.time" | awk '{s += $NF} END {printf "%.2f", s}')
  echo "$wall $rss $cpu"
}

best() { sort -n | head -1; }
echo "data: $ROWS rows, Parquet ${SIZE} MB, $THREADS threads each"
ours=(); duck=()
for i in $(seq "$RUNS"); do
  read -r w r c < <(RAYON_NUM_THREADS=$THREADS run /tmp/absence_pq_ours.out "$BIN" "$PQ/records.parquet" "$PQ/roster.parquet" --preset bulgaria-isrm --locale en --summary --quiet)
  ours+=("$w $r $c"); echo "edurules run $i: ${w}s wall, ${c}s cpu, peak ${r} MB"
  read -r w r c < <(run /tmp/absence_pq_duck.out python3 benches/absence/duckdb_parquet_query.py "$PQ/records.parquet" "$PQ/roster.parquet" "$THREADS")
  duck+=("$w $r $c"); echo "duckdb   run $i: ${w}s wall, ${c}s cpu, peak ${r} MB ($(grep 'query seconds' /tmp/absence_pq_duck.out))"
done
# Ours prints `“bg.isrm.unexcused”: 20,576 pupils`; DuckDB's script `bg.isrm.total: 26 pupils`.
sed 's/[“”,]//g' /tmp/absence_pq_ours.out | grep -E "^bg\." | sort > /tmp/absence_pq_ours.sel
grep -E "^bg\." /tmp/absence_pq_duck.out | sort > /tmp/absence_pq_duck.sel
if diff -q /tmp/absence_pq_ours.sel /tmp/absence_pq_duck.sel > /dev/null; then
  echo "selections agree: $(tr '\n' ' ' < /tmp/absence_pq_ours.sel)"
else
  echo "SELECTIONS DIFFER"; diff /tmp/absence_pq_ours.sel /tmp/absence_pq_duck.sel || true; exit 1
fi
read -r ow orss ocpu < <(printf '%s\n' "${ours[@]}" | best)
read -r dw drss dcpu < <(printf '%s\n' "${duck[@]}" | best)
python3 - "$ROWS" "$ow" "$orss" "$ocpu" "$dw" "$drss" "$dcpu" <<'PY'
import sys
rows = int(sys.argv[1])
ow, orss, ocpu, dw, drss, dcpu = float(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6], float(sys.argv[7])
print(f"edurules: best {ow:.2f} s wall = {rows / ow / 1e6:.1f} M rows/s, {ocpu:.2f} s cpu, peak {orss} MB")
print(f"duckdb:   best {dw:.2f} s wall = {rows / dw / 1e6:.1f} M rows/s, {dcpu:.2f} s cpu, peak {drss} MB (process, incl. python start)")
print(f"ratio, wall (duckdb / edurules): {dw / ow:.2f}x  (goal >= 1.5x); ratio, cpu: {dcpu / ocpu:.2f}x")
PY
