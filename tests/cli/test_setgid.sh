# hop installed setgid for a whole authority (make install-shared): two real
# users, A and B, not in hop's group.  Identity is the login, not $HOP_USER;
# the database is out of reach but through hop; --db, $HOP_CONFIG and
# $HOPLOCALEDIR point nowhere else; files they name are written with their
# own rights.  Needs root (users, a group, a setgid program): skips otherwise.
. "$(dirname "$0")/lib.sh"
sqlite_only "the shared SQLite file of a setgid install, its group and modes"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# Whatever the user: the environment is read through priv_getenv only, but
# for two variables that change nothing hop trusts (NO_COLOR, TERM).
raw=$(cd "$ROOT" && grep -rn 'getenv(' src include --include='*.[ch]' | grep -v 'priv_getenv\|secure_getenv' |
	grep -v '^src/base/priv.c:' | grep -v 'getenv("NO_COLOR")\|getenv("TERM")')
eq "$raw" "" "every getenv but NO_COLOR's and TERM's goes through priv_getenv"

cant() { echo "skip - $*"; skip "$*"; finish; exit 77; }
[ "$(id -u)" = 0 ] || cant "needs root to create users and a group (CI runs it as root)"
for tool in useradd userdel groupadd groupdel runuser sqlite3 make cc msgfmt; do
	command -v "$tool" >/dev/null 2>&1 || cant "$tool is missing"
done

# Names of our own, removed again however the test ends.
G=hopg$$ A=hopa$$ B=hopb$$
cleanup() {
	userdel "$A" 2>/dev/null; userdel "$B" 2>/dev/null; groupdel "$G" 2>/dev/null
	lib_cleanup
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
groupadd "$G" || cant "groupadd failed"
useradd -M -N -d /nonexistent -s /bin/sh -c "Anna Alt" "$A" || cant "useradd failed"
useradd -M -N -d /nonexistent -s /bin/sh -c "Bernd Bau" "$B" || cant "useradd failed"
chmod 755 "$SCRATCH"

# A hop of its own, built for this prefix (the configuration's place is
# compiled in), installed as the README says; without the sanitizers 'make
# check' puts into the environment (LeakSanitizer cannot run setgid).
P="$SCRATCH/usr" ETC="$SCRATCH/etc" DATA="$SCRATCH/var/lib/hop"
if ! (cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j2 BUILD="$SCRATCH/build" \
	OPT=-O0 SANITIZE= WERROR= PREFIX="$P" SYSCONFDIR="$ETC" DATADIR="$DATA" GROUP="$G" install-shared) \
	>"$SCRATCH/make.log" 2>&1; then
	nok "make install-shared ($(tail -5 "$SCRATCH/make.log"))"; finish; exit 1
fi
ok "make install-shared into a temporary prefix"
I="$P/bin/hop" DB="$DATA/hop.db"
eq "$(stat -c '%a %U %G' "$I")" "2755 root $G" "the binary is setgid to the group, mode 2755"
eq "$(stat -c '%a %G' "$DATA")" "2770 $G" "the data directory is the group's, mode 2770"
eq "$(stat -c '%a %U' "$ETC/hop/hop.ini")" "644 root" "hop.ini is root's and readable"
has "$ETC/hop/hop.ini" "path = $DATA/hop.db" "hop.ini names the database"

# as USER CMD...: run CMD as USER with this test's environment (HOP_USER,
# HOP_DB, HOP_TODAY ... are still set: the privileged hop must ignore them).
as() { u=$1; shift; (cd "$SCRATCH" && runuser -u "$u" -- "$@") >"$OUT" 2>"$ERR"; RC=$?; }
hopas() { u=$1; shift; as "$u" "$I" "$@"; }
counts() { sqlite3 -batch "$DB" "SELECT (SELECT count(*) FROM person) || '/' ||
	(SELECT count(*) FROM audit) || '/' || (SELECT count(*) FROM presence)"; }

# ---- root sets it up ----
hopas "$A" init
[ "$RC" -ne 0 ] && [ ! -e "$DB" ] && ok "a user cannot create the shared database" \
	|| nok "user A created the database (exit $RC)"
has "$ERR" "only the administrator (root)" "the refusal says who creates it"
run_root() { "$I" "$@" >"$OUT" 2>"$ERR"; RC=$?; }
run_root init --name "Root Admin"
eq "$RC" 0 "root creates the database through the setgid hop ($(head -c 300 "$ERR"))"
eq "$(stat -c '%a %G' "$DB")" "660 $G" "the database is 0660 and the group's"
run_root person add "$A" --name "Anna Alt" --roles employee
eq "$RC" 0 "root registers A as an employee"
run_root person add "$B" --name "Bernd Bau" --roles employee
eq "$RC" 0 "root registers B as an employee"
for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] || continue
	eq "$(stat -c '%a %G' "$f")" "660 $G" "$(basename "$f") is 0660 and the group's"
done

# ---- identity is the login ----
as "$A" env HOP_USER="$B" "$I" whoami
eq "$RC" 0 "A runs whoami"
has "$OUT" "Login:     $A" "HOP_USER=B: A is still A"
hasnt "$OUT" "$B" "B appears nowhere"
has "$OUT" "Config:    $ETC/hop/hop.ini" "the system-wide configuration is used"
has "$OUT" "Database:  $DB" "the configured database is used, not \$HOP_DB"

# ---- the database is out of reach but through hop ----
as "$A" sqlite3 "$DB" "UPDATE person SET roles = 31 WHERE login = '$A'"
[ "$RC" -ne 0 ] && ok "A cannot open the database with sqlite3" || nok "sqlite3 as A worked"
as "$A" cat "$DB"
[ "$RC" -ne 0 ] && ok "A cannot read the file" || nok "A read the database file"
eq "$(sqlite3 "$DB" "SELECT roles FROM person WHERE login = '$A'")" "1" "A is still an employee"

# ---- nothing the caller names replaces what hop trusts ----
before=$(counts)
hopas "$A" --db "$SCRATCH/mine.db" whoami
[ "$RC" -ne 0 ] && ok "--db is refused" || nok "--db was accepted"
has "$ERR" "--db is not accepted here" "the refusal names --db"
hopas "$A" --config "$SCRATCH/mine.ini" whoami
has "$ERR" "--config is not accepted here" "--config is refused"
printf '[database]\npath = %s/mine.db\n' "$SCRATCH" >"$SCRATCH/mine.ini"
chmod 644 "$SCRATCH/mine.ini"
as "$A" env HOP_CONFIG="$SCRATCH/mine.ini" HOP_DB="$SCRATCH/mine.db" \
	XDG_CONFIG_HOME="$SCRATCH" "$I" whoami
has "$OUT" "Database:  $DB" "HOP_CONFIG, HOP_DB and XDG_CONFIG_HOME are ignored"
[ ! -e "$SCRATCH/mine.db" ] && ok "no database was made where A pointed" || nok "mine.db exists"

# A catalogue of the caller's choosing would hand hop its format strings.
mkdir -p "$SCRATCH/evil/de/LC_MESSAGES"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Login:     %%s\\n"\nmsgstr "EVIL %%s\\n"\n' \
	>"$SCRATCH/evil.po"
msgfmt -o "$SCRATCH/evil/de/LC_MESSAGES/hop.mo" "$SCRATCH/evil.po"
chmod -R a+rX "$SCRATCH/evil"
HOPLOCALEDIR="$SCRATCH/evil" LC_ALL=de_DE.UTF-8 "$HOP" whoami >"$SCRATCH/plain.out" 2>&1
if grep -q EVIL "$SCRATCH/plain.out"; then
	as "$A" env HOPLOCALEDIR="$SCRATCH/evil" LC_ALL=de_DE.UTF-8 "$I" whoami
	hasnt "$OUT" "EVIL" "HOPLOCALEDIR is ignored: the installed catalogue speaks"
else
	skip "no German locale here, so a catalogue cannot be tried"
fi

# $HOP_TODAY does not date what A does (a working day ahead: the real today
# may be a Sunday).
day=$(date -d 'next monday' +%Y-%m-%d)
as "$A" env HOP_TODAY=2020-01-06 "$I" presence set "$day" home
eq "$RC" 0 "A sets today's presence ($(head -c 300 "$ERR"))"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actor = '$A' AND at LIKE '2020%'")" "0" \
	"HOP_TODAY=2020 dates no audit entry"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actor = '$A'")" "1" "A's change is audited as A"
before=$(counts)

# ---- files A names are written with A's rights ----
hopas "$A" export ics --person "$A" -o "$DB"
[ "$RC" -ne 0 ] && ok "export -o onto the database fails" || nok "export -o onto the database worked"
has "$ERR" "Permission denied" "the refusal says permission denied"
eq "$(counts)" "$before" "the database is intact (people, audit, presence)"
eq "$(sqlite3 "$DB" "PRAGMA integrity_check")" "ok" "the database passes its integrity check"
ls -A "$DATA" | grep -q '^\.' && nok "a temporary file is left in the data directory" \
	|| ok "no temporary file in the data directory"
hopas "$A" import people --dry-run "$DB"
[ "$RC" -ne 0 ] && ok "import of the database file fails" || nok "A imported from the database file"
has "$ERR" "Permission denied" "the import says permission denied"
hopas "$A" config check "$DB"
has "$ERR" "Permission denied" "config check cannot read the database file"

# A's own files are A's.
mkdir "$SCRATCH/home-a" && chown "$A" "$SCRATCH/home-a"
hopas "$A" export ics --person "$A" -o "$SCRATCH/home-a/a.ics"
eq "$(stat -c '%U' "$SCRATCH/home-a/a.ics" 2>/dev/null)" "$A" "A's export belongs to A ($(head -c 200 "$ERR"))"
g=$(stat -c '%G' "$SCRATCH/home-a/a.ics" 2>/dev/null)
[ -n "$g" ] && [ "$g" != "$G" ] && ok "and not to hop's group ($g)" || nok "A's export is in group '$g'"

# ---- feeds publish: no symlink followed, nothing in the data directory ----
# Publishing everyone's calendars is HR's: A is made HR for it (and an
# employee again after), so that the counts below start from here.
hopas "$A" feeds publish "$SCRATCH"
[ "$RC" -ne 0 ] && grep -q "only HR or an admin" "$ERR" && ok "an employee may not publish everyone's calendars" ||
	nok "A (employee) published: $RC $(head -c 200 "$ERR")"
run_root person edit "$A" --roles employee,hr
eq "$RC" 0 "A is HR for a moment"
before=$(counts)
FEEDS="$SCRATCH/feeds"
mkdir "$FEEDS" && chown "$A" "$FEEDS"
echo "B's own file" >"$SCRATCH/victim" && chmod 664 "$SCRATCH/victim" && chgrp "$G" "$SCRATCH/victim"
as "$A" ln -s "$DB" "$FEEDS/person-$A.ics"
as "$A" ln -s "$SCRATCH/victim" "$FEEDS/index.txt"
hopas "$A" feeds publish "$FEEDS"
eq "$RC" 0 "A publishes the feeds into A's directory ($(head -c 300 "$ERR"))"
[ -f "$FEEDS/person-$A.ics" ] && [ ! -L "$FEEDS/person-$A.ics" ] && ok "the planted link was replaced, not followed" \
	|| nok "person-$A.ics is still a link"
[ ! -L "$FEEDS/index.txt" ] && ok "the planted index link was replaced" || nok "index.txt is still a link"
eq "$(cat "$SCRATCH/victim")" "B's own file" "the file the link named is untouched"
eq "$(counts)" "$before" "the database is intact after publishing"
eq "$(sqlite3 "$DB" "PRAGMA integrity_check")" "ok" "and passes its integrity check"
eq "$(stat -c '%U' "$FEEDS/index.txt")" "$A" "the feeds belong to A"
hopas "$A" feeds publish "$DATA"
[ "$RC" -ne 0 ] && ok "publishing into the data directory fails" || nok "A published into the data directory"
eq "$(ls "$DATA" | grep -c '\.ics\|index')" "0" "no feed appeared in the data directory"
run_root person edit "$A" --roles employee
eq "$RC" 0 "A is an employee again"

# ---- roles hold: B, an employee, cannot change A's day ----
was=$(sqlite3 "$DB" "SELECT group_concat(location) FROM presence p JOIN person x ON x.id = p.person_id WHERE x.login = '$A'")
as "$B" env HOP_USER="$A" "$I" presence set "$day" office --for "$A"
[ "$RC" -ne 0 ] && ok "B cannot set A's day" || nok "B set A's day"
as "$B" env HOP_USER="$A" "$I" presence set "$day" office
eq "$(sqlite3 "$DB" "SELECT group_concat(location) FROM presence p JOIN person x ON x.id = p.person_id WHERE x.login = '$A'")" \
	"$was" "A's day is unchanged (HOP_USER=A made B no one else)"

# ---- init --force: HR and admins only, the old database kept ----
before=$(counts)
hopas "$A" init --force
[ "$RC" -ne 0 ] && ok "A (employee) cannot replace the database" || nok "A replaced the database"
has "$ERR" "only HR or an admin" "the refusal says who may"
has "$ERR" "employee" "and names A's role"
eq "$(counts)" "$before" "the database is untouched"
run_root init --force --name "Root Admin"
eq "$RC" 0 "root, admin of the database, replaces it ($(head -c 300 "$ERR"))"
today=$(date +%Y-%m-%d)
kept=$(ls "$DATA" | grep "^hop.db.replaced-$today" | head -1)
[ -n "$kept" ] && ok "the old database is kept as $kept" || nok "no hop.db.replaced-$today"
[ -n "$kept" ] && eq "$(sqlite3 "$DATA/$kept" "SELECT count(*) FROM person")" "3" \
	"the kept database holds its three people"
[ -n "$kept" ] && eq "$(stat -c '%a %G' "$DATA/$kept")" "660 $G" "and keeps its mode and group"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'database.replace'")" "1" \
	"the new database's audit says it replaced one"

finish
