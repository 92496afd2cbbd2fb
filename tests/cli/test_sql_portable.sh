#!/bin/sh
# Statements that only SQLite understands (tests/sql/portable.py lists them
# with file and line): core's SQL runs on SQLite and PostgreSQL alike, so the
# list must stay as short as tests/sql/nonportable.max says (0: empty).
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.." || exit 1

if ! [ -x /usr/bin/python3 ]; then
	echo "skip: /usr/bin/python3 is missing"
	exit 77
fi
/usr/bin/python3 tests/sql/portable.py src/core src/db >"$OUT" 2>"$ERR"
n=$(sed -n 's/^\([0-9]*\) statements use SQLite-only SQL$/\1/p' "$OUT")
max=$(cat tests/sql/nonportable.max)
if [ -z "$n" ]; then
	nok "tests/sql/portable.py ran ($(head -c 400 "$ERR"))"
elif [ "$n" -le "$max" ]; then
	ok "$n statements use SQLite-only SQL (at most $max)"
	[ "$n" -lt "$max" ] && echo "note: lower tests/sql/nonportable.max to $n"
else
	nok "$n statements use SQLite-only SQL, more than $max; new SQL must be portable: $(grep -v '^[0-9]* statements' "$OUT" | head -20)"
fi

# The checker finds what it should, and not in literals or prose.
cat >"$SCRATCH/probe.c" <<'C'
static const char *a = "SELECT date(day, '+1 day') FROM t WHERE ?2 OR x";
static const char *b = "UPDATE t SET a = 1 WHERE name GLOB 'x*'";
static const char *c = "SELECT max(rowid) FROM t";
static const char *d = "INSERT OR REPLACE INTO t VALUES (1)";
static const char *e = "SELECT name FROM t ORDER BY name COLLATE BINARY, login COLLATE hop";
static const char *f = "SELECT 'strftime(' FROM t WHERE a BETWEEN ?1 AND ?2 AND b = ?3";
static const char *g = "the date(s) of a course; rowid means nothing here";
static const char *h = "SELECT coalesce(a, 0), count(?1) FROM t WHERE (?2 = 0 OR b = ?2)";
static const char *i = "SELECT sum(a AND b IS NULL), sum(CASE WHEN a = 1 THEN 1 ELSE 0 END) FROM t";
static const char *j = "SELECT sum(CASE WHEN a = 1 THEN 1 ELSE 0 END), max(x), min(y) FROM t";
static const char *k = ON_SQL("min(?2, coalesce(p.end_date, ?2))");
C
/usr/bin/python3 tests/sql/portable.py "$SCRATCH/probe.c" >"$OUT"
has "$OUT" "probe.c:1: date function, date modifier, integer as boolean" "date(), '+1 day' and ?2 OR x are found"
has "$OUT" "probe.c:2: GLOB" "GLOB is found"
has "$OUT" "probe.c:3: rowid" "rowid is found"
has "$OUT" "probe.c:4: INSERT OR" "INSERT OR REPLACE is found"
has "$OUT" "probe.c:5: COLLATE BINARY/RTRIM" "COLLATE BINARY is found (hop is in both schemas)"
has "$OUT" "probe.c:9: boolean as integer" "a condition summed is found"
has "$OUT" "probe.c:11: min/max of two values" "a piece of a statement given to a macro is looked at"
has "$OUT" "7 statements use SQLite-only SQL" "literals, BETWEEN, prose, CASE in sum() and portable SQL are not counted"
finish
