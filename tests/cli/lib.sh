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
	if [ -n "$PG_TEST_DB" ]; then
		for d in $(pg_databases); do
			"$HOP_TEST_PG_BIN/dropdb" -h "$HOP_TEST_PG_HOST" -U hop --force --if-exists \
				"$d" >/dev/null 2>&1
		done
	fi
	rm -rf "$SCRATCH"
}
# The test's databases on PostgreSQL: its own and those other_db made.
pg_databases() {
	"$HOP_TEST_PG_BIN/psql" -X -q -At -h "$HOP_TEST_PG_HOST" -U hop -d postgres -c \
		"SELECT datname FROM pg_database WHERE datname = '$PG_TEST_DB' OR datname LIKE '${PG_TEST_DB}!_%' ESCAPE '!'" 2>/dev/null
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
# The database as hop names it in what it says (a file as it is; a server
# without its URL, which could hold a password).
DB_SHOWN=$HOP_DB
[ -n "$PG_TEST_DB" ] && DB_SHOWN="PostgreSQL dbname=$PG_TEST_DB host=$HOP_TEST_PG_HOST user=hop"
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

# sql QUERY: read the test database ($HOP_DB) directly, for checks "nothing
# changed" (rows as lines, columns joined by '|', NULL as nothing, booleans
# as t or f on PostgreSQL: CAST(x IS NULL AS integer) reads 1 or 0 on both).
is_server() { case $1 in (postgresql://*) true;; (*) false;; esac; }
sql() {
	if is_server "$HOP_DB"; then
		printf '%s\n' "$1" | "$HOP_TEST_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$HOP_DB"
	else
		sqlite3 -batch -noheader "$HOP_DB" "$1"
	fi
}
# db_dump: every row of $HOP_DB as text, to compare before and after (a
# refused command changes nothing).  PostgreSQL's sequences are left out (a
# refused insert moves them on, and no row changes), and so is the random key
# of pg_dump's \restrict lines; its warnings (in the test's language) go.  A
# dump that fails never equals another.
db_dump() {
	if is_server "$HOP_DB"; then
		if "$HOP_TEST_PG_BIN/pg_dump" --data-only --no-owner -d "$HOP_DB" \
			>"$SCRATCH/dump" 2>"$SCRATCH/dump.err"; then
			grep -v 'setval(\|^\\restrict \|^\\unrestrict ' "$SCRATCH/dump"
		else
			echo "pg_dump failed ($(date +%s%N)): $(cat "$SCRATCH/dump.err")"
		fi
	else
		sqlite3 -batch "$HOP_DB" .dump 2>&1
	fi
}
# sql_list SEP QUERY: the rows of QUERY on one line, joined by SEP (one
# character), in the order the query gives ("" for none).
sql_list() { sql "$2" | paste -sd "$1" -; }
# other_db NAME: a second database, empty, as hop's --db takes it (a file in
# the scratch directory; on PostgreSQL a database beside the test's own,
# dropped with it at the end).
other_db() {
	if on_pg; then
		"$HOP_TEST_PG_BIN/createdb" -h "$HOP_TEST_PG_HOST" -U hop "${PG_TEST_DB}_$1" &&
			echo "postgresql://hop@/${PG_TEST_DB}_$1?host=$HOP_TEST_PG_HOST"
	else
		echo "$SCRATCH/$1.db"
	fi
}
# copy_db NAME: a copy of $HOP_DB as it is now, as hop's --db takes it (a
# second database on PostgreSQL, made from the first; no hop may be
# connected to it meanwhile).
copy_db() {
	if is_server "$HOP_DB"; then
		"$HOP_TEST_PG_BIN/createdb" -h "$HOP_TEST_PG_HOST" -U hop -T "$PG_TEST_DB" \
			"${PG_TEST_DB}_$1" && echo "postgresql://hop@/${PG_TEST_DB}_$1?host=$HOP_TEST_PG_HOST"
	else
		cp "$HOP_DB" "$SCRATCH/$1.db" && echo "$SCRATCH/$1.db"
	fi
}
# on_pg: is this run on PostgreSQL?
on_pg() { [ -n "$PG_TEST_DB" ]; }
# empty_db: start again from an empty database (the file and SQLite's files
# beside it removed; on PostgreSQL the database dropped and made again).
empty_db() {
	if on_pg; then
		"$HOP_TEST_PG_BIN/dropdb" -h "$HOP_TEST_PG_HOST" -U hop --force "$PG_TEST_DB" &&
			"$HOP_TEST_PG_BIN/createdb" -h "$HOP_TEST_PG_HOST" -U hop "$PG_TEST_DB"
	else
		rm -f "$HOP_DB" "$HOP_DB-wal" "$HOP_DB-shm"
	fi
}
# sqlite_only WHY: a test of SQLite files (their modes, WAL, a file beside
# them) has nothing to check on PostgreSQL: it says why and is skipped.
sqlite_only() {
	on_pg || return 0
	skip "on PostgreSQL: $1"
	echo "RESULT pass=$T_PASS fail=$T_FAIL skip=$T_SKIP"
	exit 77
}

finish() { echo "RESULT pass=$T_PASS fail=$T_FAIL skip=$T_SKIP"; [ "$T_FAIL" -eq 0 ]; }
