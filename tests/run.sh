#!/bin/bash
# Run every test: cmocka unit tests, command-line tests, screen tests.
# Prints one line per suite and, last, "N passed, N failed, N skipped".
# BUILD names the build directory (make check uses build/asan).  CLANG_BUILD,
# when set, names a second one whose unit tests (built by clang with its
# sanitizers, make check-clang) run beside the others, as "clang" lines.
# HOP_SUITES chooses the kinds to run: "screen unit cli clang" (the default).
# The suites are independent (each has its own scratch directory, database and
# tmux socket), so they run side by side: HOP_TEST_JOBS at a time (default:
# one more than the cores).  Their lines come out in a fixed order.
#
# HOP_TEST_PG=1 runs the same suites on PostgreSQL: one throwaway cluster for
# the run (tests/cli/pg_lib.sh; its socket in a directory of its own), whose
# place goes to every suite as HOP_TEST_PG_HOST and HOP_TEST_PG_BIN; each
# shell suite (tests/cli/lib.sh) and each unit test's database
# (tests/unit/testutil.h) is a database of its own there, created empty.
set -u
cd "$(dirname "$0")/.."
if [ "${HOP_TEST_PG:-0}" = 1 ]; then
	PGRUN=$(mktemp -d "${TMPDIR:-/tmp}/hop-pg.XXXXXX")
	lib_cleanup() { rm -rf "$PGRUN"; }
	. tests/cli/pg_lib.sh
	# The suites side by side, the race tests' eight hops and a screen's two
	# connections each: more than the default 100 is never needed.
	if ! pg_cluster_start "$PGRUN/pg" 100; then
		echo "HOP_TEST_PG=1, but no PostgreSQL cluster could be started (above)" >&2
		lib_cleanup
		exit 1
	fi
	trap 'pg_cluster_stop "$PGRUN/pg"; lib_cleanup' EXIT
	export HOP_TEST_PG_HOST="$PGRUN/pg" HOP_TEST_PG_BIN="$PG_BIN"
	echo "on PostgreSQL: $("$PG_BIN/postgres" --version), a cluster in $PGRUN/pg"
else
	unset HOP_TEST_PG_HOST HOP_TEST_PG_BIN
fi
BUILD=${BUILD:-build}
HOP="$PWD/$BUILD/hop"
export HOP BUILD
export HOPLOCALEDIR="$PWD/$BUILD/locale"
# Sanitizer reports go to files the suites look at, so that a report inside
# the TUI (where stderr is the screen) still fails the run.
SANLOG=$(mktemp -d "${TMPDIR:-/tmp}/hop-san.XXXXXX")
RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/hop-results.XXXXXX")
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$SANLOG/asan"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$SANLOG/ubsan"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export SANLOG
JOBS=${HOP_TEST_JOBS:-$(( $(nproc 2>/dev/null || echo 2) + 1 ))}
SUITES=${HOP_SUITES:-screen unit cli clang}
CLANG_BUILD=${CLANG_BUILD:-}
wants() { case " $SUITES " in *" $1 "*) return 0;; esac; return 1; }

# One unit test binary: its summary line in $RESULTS/N.line, counts in N.count;
# KIND labels the line (unit, or clang for the clang build's).
unit_suite() {
	kind=$1 t=$2 n=$3
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	s=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | tail -1)
	p=${p:-0} f=${f:-0} s=${s:-0}
	{
		# 77: the test could not run here (a locale or tool is missing) and says why.
		if [ "$rc" -eq 77 ]; then s=$((s + 1)); printf '%s\n' "$out" | tail -3
		elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
		[ "$f" -gt 0 ] && printf '%s\n' "$out"
		printf '%-6s %-28s %3d passed, %d failed, %d skipped\n' "$kind" "$(basename "$t")" "$p" "$f" "$s"
	} >"$RESULTS/$n.line"
	echo "$p $f $s" >"$RESULTS/$n.count"
}

# One shell suite (tests/cli/lib.sh prints "RESULT pass=N fail=N skip=N").
shell_suite() {
	kind=$1 t=$2 n=$3
	out=$(sh "$t" 2>&1); rc=$?
	res=$(printf '%s\n' "$out" | sed -n 's/^RESULT pass=\([0-9]*\) fail=\([0-9]*\) skip=\([0-9]*\)$/\1 \2 \3/p' | tail -1)
	if [ -z "$res" ]; then res="0 1 0"; fi
	set -- $res
	p=$1 f=$2 s=$3
	{
		# 77, as for the unit tests: could not run here, said why, counted as a skip.
		if [ "$rc" -eq 77 ] && [ "$f" -eq 0 ]; then s=$((s > 0 ? s : 1))
		elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
		[ "$f" -gt 0 ] && printf '%s\n' "$out" | grep -v '^ok ' | tail -40
		printf '%-6s %-28s %3d passed, %d failed, %d skipped\n' "$kind" "$(basename "$t")" "$p" "$f" "$s"
	} >"$RESULTS/$n.line"
	echo "$p $f $s" >"$RESULTS/$n.count"
}

# Start a suite once fewer than JOBS run.
running=0
start() {
	while [ "$running" -ge "$JOBS" ]; do wait -n; running=$((running - 1)); done
	"$@" &
	running=$((running + 1))
}

# The screen suites first: they are the longest, and mostly wait for tmux.
n=0
order=""
if wants screen; then
	for t in tests/screen/test_*.sh; do [ -f "$t" ] && { n=$((n + 1)); start shell_suite screen "$t" "$n"; order="$order $n"; }; done
fi
screen_ids=$order order=""
if wants unit; then
	for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && { n=$((n + 1)); start unit_suite unit "$t" "$n"; order="$order $n"; }; done
fi
unit_ids=$order order=""
# The same unit tests built by clang: its sanitizers see what GCC's miss.
if wants clang && [ -n "$CLANG_BUILD" ]; then
	for t in "$CLANG_BUILD"/tests/test_*; do [ -x "$t" ] && { n=$((n + 1)); start unit_suite clang "$t" "$n"; order="$order $n"; }; done
fi
clang_ids=$order order=""
if wants cli; then
	for t in tests/cli/test_*.sh; do [ -f "$t" ] && { n=$((n + 1)); start shell_suite cli "$t" "$n"; order="$order $n"; }; done
fi
cli_ids=$order
wait

pass=0 fail=0 skip=0
for i in $unit_ids $clang_ids $cli_ids $screen_ids; do
	cat "$RESULTS/$i.line"
	read -r p f s <"$RESULTS/$i.count"
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done

# --- sanitizer reports from any process of any suite ---
if ls "$SANLOG"/* >/dev/null 2>&1; then
	echo "sanitizer reports:"; cat "$SANLOG"/*
	fail=$((fail + 1))
fi
rm -rf "$SANLOG" "$RESULTS"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
