#!/usr/bin/env bash
# Builds and tests the Python package exactly as a user installs it:
# `pip install ./bindings/python` into a fresh virtual environment (maturin
# builds the native module in release), then the pytest suite, which includes
# the DuckDB and Polars cross-checks and the Spark job on `local[2]`.
#
# The test dependencies are pinned in requirements-test.txt. The native build
# goes to $CARGO_TARGET_DIR/python (default target/python), so a second run
# reuses it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
here="$PWD"
root="$(cd ../.. && pwd)"
started=$SECONDS
step() { printf '\n==> python: %s (%ds)\n' "$*" $((SECONDS - started)); }

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}/python"
step "format and lints of the native module (its own workspace)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

venv="${EDURULES_PY_VENV:-$(mktemp -d)/venv}"
step "virtual environment $venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r requirements-test.txt

step "pip install ./bindings/python"
(cd "$root" && "$venv/bin/python" -m pip install --quiet ./bindings/python)

step "pytest"
# Spark's workers run the same interpreter, with the package installed.
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
"$venv/bin/python" -m pytest -q tests
step "done"
