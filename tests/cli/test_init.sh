# hop init (empty and demo), hop whoami, where the database comes from.
. "$(dirname "$0")/lib.sh"
sqlite_only "init makes, replaces (--force) and keeps SQLite files, their modes and WAL; \
init on PostgreSQL is test_pg.sh's and every suite's first step"

dump() { sqlite3 -batch "$1" .dump 2>&1; }

# ---- no database yet ----
expect_fail "whoami without a database" 3 whoami
has "$ERR" "no database at $HOP_DB" "missing database named"
has "$ERR" "hop init" "missing database message says to run hop init"
has "$OUT" "tester" "whoami still shows the login"
expect_fail "person list without a database" 3 person list
has "$ERR" "hop init" "person list points to hop init"
[ ! -e "$HOP_DB" ] && ok "looking did not create the database" || nok "a database appeared"

# ---- empty database ----
expect_ok "init" init --name "Jürgen Weiß"
has "$OUT" "Created $HOP_DB" "init names the file it created"
has "$OUT" "'tester'" "init names the acting login"
has "$OUT" "admin" "init says the first person is admin"
eq "$(sql "SELECT login || '|' || name || '|' || roles FROM person")" "tester|Jürgen Weiß|21" \
	"the acting login is the only person, employee+hr+admin"
eq "$(sql "PRAGMA journal_mode")" "wal" "the database is in WAL mode"
eq "$(sql "SELECT count(*) FROM audit WHERE actor = 'tester'")" "1" "the first admin is in the audit log"

expect_ok "whoami" whoami
has "$OUT" "tester" "whoami shows the login"
has "$OUT" "Jürgen Weiß" "whoami shows the name"
has "$OUT" "hr" "whoami shows the roles"
has "$OUT" "$HOP_DB (from \$HOP_DB)" "whoami says the database came from \$HOP_DB"
has "$OUT" "built-in defaults" "whoami says no config file is used"
v=$(sed -n 's/^Schema: *version \([0-9]*\) (this hop knows up to \([0-9]*\))$/\1=\2/p' "$OUT")
case "$v" in ([1-9]*=*) [ "${v%=*}" = "${v#*=}" ] && ok "whoami shows the schema version, up to date" || nok "whoami: schema $v not up to date";; (*) nok "whoami shows no schema version";; esac
HOP_USER=nobody; expect_ok "whoami as someone unknown" whoami; HOP_USER=tester
has "$OUT" "not registered" "an unknown login is told it is not registered"

before=$(dump "$HOP_DB")
expect_fail "init refuses an existing database" 5 init
has "$ERR" "$HOP_DB already exists" "the refusal names the file"
has "$ERR" "--force" "the refusal says --force replaces it"
eq "$(dump "$HOP_DB")" "$before" "the refused init changed nothing"
expect_fail "init --demo refuses too" 5 init --demo
eq "$(dump "$HOP_DB")" "$before" "the refused demo changed nothing"

# ---- option errors: usage errors (2), and no file is left behind ----
NEW="$SCRATCH/new.db"
for bad in 0 abc 20001 -5 12x "" " 7" 1e3 99999999999999999999; do
	expect_fail "--people '$bad' refused" 2 --db "$NEW" init --people "$bad"
	has "$ERR" "--people" "--people '$bad': the message names the option"
done
has "$ERR" "1 to 20000" "the message gives the range"
expect_fail "--seed junk refused" 2 --db "$NEW" init --seed 12abc
has "$ERR" "--seed" "--seed junk: the message names the option"
expect_fail "--people without a value" 2 --db "$NEW" init --people
expect_fail "unknown option" 2 --db "$NEW" init --frob
expect_fail "extra argument" 2 --db "$NEW" init extra
has "$ERR" "'extra'" "the extra argument is named"
[ ! -e "$NEW" ] && ok "refused options create no file" || nok "$NEW was created"

# A failure after the file was made removes it, so that a retry starts clean.
expect_fail "an empty --name is refused" 1 --db "$NEW" init --name ""
[ ! -e "$NEW" ] && [ ! -e "$NEW-wal" ] && ok "the half-made database was removed" \
	|| nok "a half-made database was left behind"
expect_ok "a retry works" --db "$NEW" init --name "Käthe Schütz"
has "$OUT" "Created $NEW" "the retry created the file"

# ---- --force ----
expect_ok "init --force --demo replaces the database" init --force --demo
has "$OUT" "60 people in 6 teams" "the demo's size is reported"
has "$OUT" "you are 'tester'" "the demo names the acting login"
eq "$(sql "SELECT count(*) FROM person")" "60" "60 people"
eq "$(sql "SELECT count(*) FROM team")" "6" "6 teams"
eq "$(sql "SELECT count(*) FROM person WHERE name = 'Jürgen Weiß'")" "0" "the old database is gone"
eq "$(sql "SELECT count(*) FROM team WHERE lead_id IS NULL")" "0" "every team has a lead"
eq "$(sql "SELECT count(*) FROM person p JOIN team t ON t.lead_id = p.id
           WHERE p.team_id <> t.id OR p.roles & 2 = 0")" "0" "leads are members with the lead role"
eq "$(sql "SELECT team_id IS NOT NULL AND roles & 16 > 0 FROM person WHERE login = 'tester'")" "1" \
	"the acting admin is in a team"
n=$(sql "SELECT count(*) FROM audit WHERE actor = 'tester'")
[ "$n" -gt 60 ] && ok "the audit log shows the demo's creation ($n entries)" || nok "audit has $n entries"
eq "$(sql "SELECT count(*) FROM person WHERE end_date < '2026-11-23'")" "2" "two former staff"
f=$(sql "SELECT count(*) FROM person WHERE start_date > '2026-11-23'")
[ "$f" -ge 2 ] && [ "$f" -le 3 ] && ok "2-3 people start in the coming weeks" || nok "$f future starters"
n=$(sql "SELECT count(*) FROM person WHERE start_date BETWEEN '2026-10-26' AND '2026-11-23'")
[ "$n" -ge 3 ] && ok "new hires in the last four weeks ($n)" || nok "$n recent hires"
eq "$(sql "SELECT count(*) FROM person WHERE email <> login || '@hop.invalid'")" "0" \
	"e-mails are login@mail_domain"
eq "$(sql "SELECT count(*) FROM person WHERE login GLOB '*[^a-z0-9]*'")" "0" "logins are plain ASCII"

# The same seed gives the same people, relative to today.
a=$(sql "SELECT group_concat(login || start_date, ',') FROM person")
expect_ok "init --force --seed 0 (the default seed)" init --force --seed 0
eq "$(sql "SELECT group_concat(login || start_date, ',') FROM person")" "$a" "the default demo is reproducible"
HOP_TODAY=2027-03-01; expect_ok "the demo on another day" init --force --demo; HOP_TODAY=2026-11-23
eq "$(sql "SELECT count(*) FROM person WHERE start_date > '2027-03-01'")" "$f" \
	"the future starters move with today"
expect_ok "init --force --seed 7" init --force --seed 7
b=$(sql "SELECT group_concat(login || start_date, ',') FROM person")
[ "$a" != "$b" ] && ok "another seed gives other people" || nok "seed 7 gave the same people"

expect_ok "init --force --demo" init --force --demo
expect_ok "person list --format csv" person list --format csv
if [ "$RC" -eq 0 ]; then
	rows=$(($(wc -l <"$OUT") - 1))
	[ "$rows" -ge 55 ] && [ "$rows" -le 60 ] && ok "about 60 rows ($rows)" || nok "$rows rows"
	grep -q 'ä\|ö\|ü\|ß' "$OUT" && ok "names with umlauts listed" || nok "no umlauts in the list"
	has "$OUT" "Innerer Dienst" "the team names are listed"
fi

expect_ok "whoami in the demo" whoami
has "$OUT" "Innerer Dienst" "the acting admin's team"
has "$OUT" "admin" "the acting admin's roles"

expect_ok "--people 100" init --force --people 100
has "$OUT" "100 people in 10 teams" "100 people make 10 teams"
eq "$(sql "SELECT count(*) FROM team WHERE name LIKE 'Referat %.% – %'")" "4" \
	"further units are numbered like a larger authority"
expect_ok "--people 1" init --force --people 1
has "$OUT" "1 people in 1 team;" "a demo of one person"

# --force only for HR and admins of the database there; the old one is kept.
expect_ok "an employee is registered" person add emma --name "Emma Ernst" --roles employee
before=$(dump "$HOP_DB") kept_before=$(ls "$HOP_DB".replaced-* | wc -l)
HOP_USER=emma; expect_fail "an employee cannot replace the database" 4 init --force; HOP_USER=tester
has "$ERR" "only HR or an admin of $HOP_DB may replace it; you (login 'emma') are employee" \
	"the refusal names who may and the employee's role"
HOP_USER=nobody; expect_fail "an unregistered login cannot replace it" 4 init --force --demo
HOP_USER=tester
has "$ERR" "you (login 'nobody') are not registered in it" "the refusal says nobody is unknown"
eq "$(dump "$HOP_DB")" "$before" "the refused replacements changed nothing"
eq "$(ls "$HOP_DB".replaced-* | wc -l)" "$kept_before" "and kept no copy"
expect_ok "the admin replaces it" init --force
kept=$(sed -n 's/^The database it replaced is kept as \(.*\)\.$/\1/p' "$OUT")
case "$kept" in ("$HOP_DB".replaced-2026-11-23*) ok "init names the kept file ($kept)";;
	(*) nok "no kept file named: $(cat "$OUT")";; esac
[ -n "$kept" ] && eq "$(sqlite3 "$kept" "SELECT count(*) FROM person WHERE login = 'emma'")" "1" \
	"the kept database holds what was replaced"
[ -n "$kept" ] && [ ! -e "$kept-wal" ] && ok "the kept database needs no log" || nok "$kept-wal exists"
eq "$(sql "SELECT count(*) FROM person WHERE login = 'emma'")" "0" "the new database is new"
eq "$(sql "SELECT detail FROM audit WHERE action = 'database.replace'")" \
	"previous database kept as: $kept" "the new database's audit names the kept one"
eq "$(stat -c %a "$HOP_DB")" "600" "a new database is the user's alone (0600)"
[ -n "$kept" ] && eq "$(stat -c %a "$kept")" "600" "the kept one keeps its mode"

# --force removes the companion files too and does not remove directories.
expect_fail "a directory is not replaced" 5 --db "$SCRATCH" init --force
has "$ERR" "not a regular file" "the directory refusal says why"
[ -d "$SCRATCH" ] && ok "the directory is still there" || nok "the directory was removed"

# --force replaces hop databases only: a mistyped --db must not destroy a file.
printf 'login,name\njweiss,Jürgen Weiß\n' >"$SCRATCH/people.csv"
cp "$SCRATCH/people.csv" "$SCRATCH/people.orig"
expect_fail "--force refuses a file that is not a database" 5 --db "$SCRATCH/people.csv" init --force
has "$ERR" "$SCRATCH/people.csv is not a hop database" "the refusal names the file"
cmp -s "$SCRATCH/people.csv" "$SCRATCH/people.orig" && ok "the file is untouched" || nok "the file changed"
sqlite3 "$SCRATCH/other.db" "CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL)"
before=$(dump "$SCRATCH/other.db"; sqlite3 "$SCRATCH/other.db" "PRAGMA journal_mode")
expect_fail "--force refuses another program's SQLite file" 5 --db "$SCRATCH/other.db" init --force
has "$ERR" "not hop's" "the refusal says whose it is not"
eq "$(dump "$SCRATCH/other.db"; sqlite3 "$SCRATCH/other.db" "PRAGMA journal_mode")" "$before" \
	"the other program's database is untouched"

# ---- where the database comes from ----
A="$SCRATCH/a.db" B="$SCRATCH/b.db"
HOP_DB="$A"; expect_ok "init at \$HOP_DB" init
[ -f "$A" ] && ok "\$HOP_DB decides the path" || nok "$A not created"
expect_ok "--db beats \$HOP_DB" --db "$B" init
[ -f "$B" ] && ok "--db decides the path" || nok "$B not created"
expect_ok "whoami with both" --db "$B" whoami
has "$OUT" "$B (from --db)" "whoami says --db won"

unset HOP_DB
expect_ok "init at the default location" init --name "Björn Groß"
[ -f "$XDG_DATA_HOME/hop/hop.db" ] && ok "the default is \$XDG_DATA_HOME/hop/hop.db" \
	|| nok "no database in $XDG_DATA_HOME/hop"
expect_ok "whoami at the default" whoami
has "$OUT" "$XDG_DATA_HOME/hop/hop.db (the default location)" "whoami says the default was used"

mkdir -p "$XDG_CONFIG_HOME/hop"
printf '[database]\npath = %s\n' "$SCRATCH/cfg.db" >"$XDG_CONFIG_HOME/hop/hop.ini"
expect_ok "init at the configured path" init
[ -f "$SCRATCH/cfg.db" ] && ok "[database] path decides the path" || nok "cfg.db not created"
expect_ok "whoami with a config file" whoami
has "$OUT" "$XDG_CONFIG_HOME/hop/hop.ini" "whoami names the config file"
has "$OUT" "$SCRATCH/cfg.db (from [database] path in $XDG_CONFIG_HOME/hop/hop.ini)" \
	"whoami says the config file chose the database"
export HOP_DB="$A"; expect_ok "whoami: \$HOP_DB beats the config" whoami
has "$OUT" "$A (from \$HOP_DB)" "\$HOP_DB beats [database] path"
export HOP_DB="$SCRATCH/hop.db"

# ---- the clock ----
HOP_TODAY=2026-13-45; expect_fail "a malformed HOP_TODAY is refused" 1 whoami
has "$ERR" "HOP_TODAY" "the message names HOP_TODAY"
HOP_TODAY=yesterday; expect_fail "HOP_TODAY must be ISO" 1 init --force
HOP_TODAY=2026-11-23
eq "$(sql "SELECT count(*) FROM person")" "1" "the refused init changed nothing"

finish
