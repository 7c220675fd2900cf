#!/usr/bin/env bash
# The PHP binding's tests against the library in $EDURULES_LIB_DIR: the
# conformance suite and the example through FFI::cdef, then the same engine
# through FFI preloading as a web server would load it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="${EDURULES_LIB_DIR:-$root/target/debug}/libedurules_ffi.so"
EDURULES_LIB="$lib" php "$here/tests/run.php"
header="$(mktemp --suffix=.h)"
trap 'rm -f "$header"' EXIT
sed "s|\"libedurules_ffi.so\"|\"$lib\"|" "$here/edurules.ffi.h" >"$header"
php -d ffi.enable=preload -d ffi.preload="$header" -d opcache.enable_cli=1 \
  -d opcache.preload="$here/preload.php" -d opcache.preload_user="$(id -un)" \
  "$here/tests/preloaded.php"
