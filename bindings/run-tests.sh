#!/usr/bin/env bash
# Runs every binding's tests (C, PHP, Node.js, Java) against the one library
# cargo builds: `cargo build -p edurules-ffi`, once, into the workspace's
# target dir (or $CARGO_TARGET_DIR). Installs what the bindings need when it
# is missing: apt packages (after one `apt-get update`), the npm packages
# from the committed lockfile (`npm ci`), JNA/Jackson/JUnit through Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
started=$SECONDS
step() { printf '\n==> bindings: %s (%ds)\n' "$*" $((SECONDS - started)); }

step "system packages"
need=()
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
[ -f /usr/include/jansson.h ] || need+=(libjansson-dev)
command -v php >/dev/null 2>&1 || need+=(php-cli)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v java >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "Node.js 20 or later is needed, found $(node --version)"; exit 1; }

step "library"
cargo build -p edurules-ffi
lib_dir="${CARGO_TARGET_DIR:-$root/target}/debug"
export EDURULES_LIB_DIR="$lib_dir"
export EDURULES_LIB="$lib_dir/libedurules_ffi.so"

step "C (and valgrind memcheck)"
bash bindings/c/test.sh

step "PHP $(php -r 'echo PHP_VERSION;')"
bash bindings/php/test.sh

step "Node.js $(node --version)"
(
  cd bindings/node
  npm ci --no-audit --no-fund --loglevel=error
  npm test --silent
)

step "Java $(java -version 2>&1 | head -1)"
(
  cd bindings/java
  mvn -B -q test -Dedurules.lib.dir="$lib_dir"
  # -q hides Surefire's summary: print it from the reports.
  cat target/surefire-reports/TEST-*.xml | grep -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' \
    | awk -F'"' '{t+=$2; f+=$4+$8} END {printf "java: %d passed, %d failed\n", t-f, f; exit (f > 0)}'
)

step "all bindings passed"
