# Shared helpers for command-line and screen tests (POSIX sh).
#   . "$(dirname "$0")/../cli/lib.sh"
# Each test runs in its own scratch directory with its own database and config;
# the date is fixed with HOP_TODAY.  The last line is "RESULT pass=N fail=N skip=N".
set -u
: "${HOP:=$PWD/build/hop}"
T_PASS=0 T_FAIL=0 T_SKIP=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/hop-test.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export HOP_DB="$SCRATCH/hop.db"
unset HOP_CONFIG
export XDG_CONFIG_HOME="$SCRATCH/xdg-config" XDG_DATA_HOME="$SCRATCH/xdg-data"
export HOP_TODAY=2026-11-23 HOP_USER=tester
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR
# Tables fit COLUMNS when it is set; the tests expect 80, as for a pipe.
unset COLUMNS
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
sql() { sqlite3 -batch -noheader "$HOP_DB" "$1"; }

finish() { echo "RESULT pass=$T_PASS fail=$T_FAIL skip=$T_SKIP"; [ "$T_FAIL" -eq 0 ]; }
