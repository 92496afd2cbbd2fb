#!/bin/sh
# Run every test: cmocka unit tests, command-line tests, screen tests.
# Prints one line per suite and, last, "N passed, N failed, N skipped".
# BUILD names the build directory (make check uses build/asan).
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
HOP="$PWD/$BUILD/hop"
export HOP BUILD
export HOPLOCALEDIR="$PWD/$BUILD/locale"
# Sanitizer reports go to files the suites look at, so that a report inside
# the TUI (where stderr is the screen) still fails the run.
SANLOG=$(mktemp -d "${TMPDIR:-/tmp}/hop-san.XXXXXX")
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$SANLOG/asan"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$SANLOG/ubsan"
export SANLOG

pass=0 fail=0 skip=0
add() { pass=$((pass + $1)); fail=$((fail + $2)); skip=$((skip + $3)); }

# --- unit tests (cmocka) ---
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	s=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | tail -1)
	p=${p:-0} f=${f:-0} s=${s:-0}
	# 77: the test could not run here (a locale or tool is missing) and says why.
	if [ "$rc" -eq 77 ]; then s=$((s + 1)); printf '%s\n' "$out" | tail -3
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	[ "$f" -gt 0 ] && printf '%s\n' "$out"
	printf 'unit   %-28s %3d passed, %d failed, %d skipped\n' "$(basename "$t")" "$p" "$f" "$s"
	add "$p" "$f" "$s"
done

# --- command-line and screen tests (shell, tests/cli/lib.sh) ---
for kind in cli screen; do
	for t in tests/$kind/test_*.sh; do
		[ -f "$t" ] || continue
		out=$(sh "$t" 2>&1); rc=$?
		res=$(printf '%s\n' "$out" | sed -n 's/^RESULT pass=\([0-9]*\) fail=\([0-9]*\) skip=\([0-9]*\)$/\1 \2 \3/p' | tail -1)
		if [ -z "$res" ]; then res="0 1 0"; fi
		set -- $res
		p=$1 f=$2 s=$3
		# 77, as for the unit tests: could not run here, said why, counted as a skip.
		if [ "$rc" -eq 77 ] && [ "$f" -eq 0 ]; then s=$((s > 0 ? s : 1))
		elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
		[ "$f" -gt 0 ] && printf '%s\n' "$out" | grep -v '^ok ' | tail -40
		printf '%-6s %-28s %3d passed, %d failed, %d skipped\n' "$kind" "$(basename "$t")" "$p" "$f" "$s"
		add "$p" "$f" "$s"
	done
done

# --- sanitizer reports from any process of any suite ---
if ls "$SANLOG"/* >/dev/null 2>&1; then
	echo "sanitizer reports:"; cat "$SANLOG"/*
	fail=$((fail + 1))
fi
rm -rf "$SANLOG"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
