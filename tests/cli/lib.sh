# Shared helpers for command-line and screen tests (POSIX sh).
#   . "$(dirname "$0")/../cli/lib.sh"
# Each test runs in its own scratch directory with its own database and config;
# the date is fixed with HOP_TODAY.  The last line is "RESULT pass=N fail=N skip=N".
#
# On PostgreSQL (tests/run.sh with HOP_TEST_PG=1 exports HOP_TEST_PG_HOST, the
# socket directory of its throwaway cluster, and HOP_TEST_PG_BIN): HOP_DB is
# a database of the test's own, created empty here and dropped at exit, and
# sql() asks psql.  A test about SQLite files calls sqlite_only first.
set -u
: "${HOP:=$PWD/build/hop}"
T_PASS=0 T_FAIL=0 T_SKIP=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/hop-test.XXXXXX")
PG_TEST_DB=""
# The end of every test (tmux.sh and pg_lib.sh call it from their own traps).
lib_cleanup() {
	[ -n "$PG_TEST_DB" ] && "$HOP_TEST_PG_BIN/dropdb" -h "$HOP_TEST_PG_HOST" -U hop \
		--force --if-exists "$PG_TEST_DB" >/dev/null 2>&1
	rm -rf "$SCRATCH"
}
trap 'lib_cleanup' EXIT
export HOP_DB="$SCRATCH/hop.db"
if [ -n "${HOP_TEST_PG_HOST:-}" ]; then
	# Lower case, as PostgreSQL folds names (psql -d, a URL keep them as given).
	PG_TEST_DB=t_$(basename "$SCRATCH" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')_$$
	if ! "$HOP_TEST_PG_BIN/createdb" -h "$HOP_TEST_PG_HOST" -U hop "$PG_TEST_DB" 2>"$SCRATCH/createdb.err"; then
		echo "not ok - createdb $PG_TEST_DB: $(cat "$SCRATCH/createdb.err")"
		PG_TEST_DB=""
		echo "RESULT pass=0 fail=1 skip=0"
		exit 1
	fi
	export HOP_DB="postgresql://hop@/$PG_TEST_DB?host=$HOP_TEST_PG_HOST"
fi
unset HOP_CONFIG
export XDG_CONFIG_HOME="$SCRATCH/xdg-config" XDG_DATA_HOME="$SCRATCH/xdg-data"
export HOP_TODAY=2026-11-23 HOP_USER=tester
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR
OUT="$SCRATCH/out" ERR="$SCRATCH/err"

ok()   { T_PASS=$((T_PASS + 1)); echo "ok - $*"; }
nok()  { T_FAIL=$((T_FAIL + 1)); echo "not ok - $*"; }
skip() { T_SKIP=$((T_SKIP + 1)); echo "skip - $*"; }

# run CMD...: runs hop with arguments, output in $OUT / $ERR, status in $RC
run() { "$HOP" "$@" >"$OUT" 2>"$ERR"; RC=$?; }

# expect_ok DESC CMD...: hop CMD must exit 0
expect_ok() { d=$1; shift; run "$@"; if [ "$RC" -eq 0 ]; then ok "$d"; else nok "$d (exit $RC: $(head -c 400 "$ERR"))"; fi; }
# expect_fail DESC STATUS CMD...: hop CMD must exit with STATUS (or any non-zero if STATUS is '!')
expect_fail() {
	d=$1 want=$2; shift 2; run "$@"
	if [ "$want" = "!" ] && [ "$RC" -ne 0 ]; then ok "$d"
	elif [ "$RC" = "$want" ]; then ok "$d"
	else nok "$d (exit $RC, wanted $want; stderr: $(head -c 400 "$ERR"))"; fi
}
# has FILE TEXT DESC: FILE contains TEXT (fixed string)
has()    { if grep -qF -- "$2" "$1"; then ok "$3"; else nok "$3 (no '$2' in: $(head -c 600 "$1"))"; fi; }
hasnt()  { if grep -qF -- "$2" "$1"; then nok "$3 ('$2' found)"; else ok "$3"; fi; }
# eq A B DESC
eq()     { if [ "$1" = "$2" ]; then ok "$3"; else nok "$3 (got '$1', wanted '$2')"; fi; }

# sql QUERY: read the test database directly, for checks "nothing changed"
# (rows as lines, columns joined by '|', NULL as nothing, on either database).
if [ -n "$PG_TEST_DB" ]; then
	sql() { printf '%s\n' "$1" | "$HOP_TEST_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 \
		-h "$HOP_TEST_PG_HOST" -U hop -d "$PG_TEST_DB"; }
else
	sql() { sqlite3 -batch -noheader "$HOP_DB" "$1"; }
fi
# on_pg: is this run on PostgreSQL?
on_pg() { [ -n "$PG_TEST_DB" ]; }
# sqlite_only WHY: a test of SQLite files (their modes, WAL, a file beside
# them) has nothing to check on PostgreSQL: it says why and is skipped.
sqlite_only() {
	on_pg || return 0
	skip "on PostgreSQL: $1"
	echo "RESULT pass=$T_PASS fail=$T_FAIL skip=$T_SKIP"
	exit 77
}

finish() { echo "RESULT pass=$T_PASS fail=$T_FAIL skip=$T_SKIP"; [ "$T_FAIL" -eq 0 ]; }
