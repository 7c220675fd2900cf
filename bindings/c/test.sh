#!/usr/bin/env bash
# Builds the C example, the conformance runner and the threads test with the
# system compiler against the library in $EDURULES_LIB_DIR, runs them, and
# runs the conformance runner and the threads test under valgrind memcheck
# (no leak, no invalid access: any error fails).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="${EDURULES_LIB_DIR:-$root/target/debug}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cflags=(-std=c11 -Wall -Wextra -Werror -O1 -g -I "$root/crates/edurules-ffi/include")
link=(-L "$lib" -Wl,-rpath,"$lib" -ledurules_ffi)
cc "${cflags[@]}" "$here/example.c" "${link[@]}" -o "$out/example"
cc "${cflags[@]}" -D_DEFAULT_SOURCE "$here/conformance.c" "${link[@]}" -ljansson -o "$out/conformance"
cc "${cflags[@]}" -pthread "$here/threads.c" "${link[@]}" -o "$out/threads"
"$out/example" >/dev/null
"$out/conformance" "$root/bindings/conformance"
"$out/threads"
vg=(valgrind --quiet --suppressions="$here/valgrind.supp" --error-exitcode=3 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible)
"${vg[@]}" "$out/example" >/dev/null
"${vg[@]}" "$out/conformance" "$root/bindings/conformance"
"${vg[@]}" "$out/threads" 20
echo "c: valgrind memcheck clean"
