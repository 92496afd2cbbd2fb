#!/bin/sh
# hop import people of a large file beside other hop processes: a booking
# made again and again while the import runs never fails; an import killed
# (kill -9) while it reads its file, or while it waits for the write lock
# with every row checked, leaves nothing behind, and the next import works;
# a bad last row refuses the whole file; the same file twice changes nothing
# the second time.  No sleeps: background processes, FIFOs and markers.
. "$(dirname "$0")/lib.sh"
cd "$SCRATCH" || exit 1

ROWS=4000
expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11 – Digitalisierung"
expect_ok "booker" person add u1 --name "Uta Eins" --team "Referat 11 – Digitalisierung"
expect_ok "site" site add Haus
expect_ok "zone" zone add Haus "3. OG" "Süd" --level 3
expect_ok "desk" desk add D1 --zone Süd

# big.csv: ROWS new people in two teams, one of them new, with umlauts.
awk -v n="$ROWS" 'BEGIN {
	print "login;name;email;team;start_date"
	for (i = 1; i <= n; i++)
		printf "neu%05d;Jürgen Weiß %d;neu%05d@amt.example;%s;%02d.12.2026\n", i, i, i,
			(i % 2 ? "Referat 11 – Digitalisierung" : "Referat 12 – Zuwachs"), 1 + i % 28
}' > big.csv

# ---- a bad last row: nothing imported, the file, line and what named ----
cp big.csv bad.csv
echo "kaputt;Kaputt Ende;keine-adresse;Referat 11 – Digitalisierung;" >> bad.csv
before=$(sql .dump)
expect_fail "a large file with a bad last row is refused" 1 import people bad.csv --create-teams
has "$ERR" "bad.csv:$((ROWS + 2)): 'keine-adresse' is not an e-mail address" "the bad row is named with its line"
has "$ERR" "bad.csv: 1 of $((ROWS + 1)) rows has errors; nothing was imported" "nothing was imported"
eq "$(sql .dump)" "$before" "the database is as it was"

# ---- kill -9 while the import reads its file ----
mkfifo feed
"$HOP" import people feed --create-teams >kill1.out 2>&1 &
pid=$!
exec 3>feed
# More than a pipe holds (64 KiB): once written, hop has read most of it.
head -c 250000 big.csv >&3
kill -9 "$pid"
{ wait "$pid"; } 2>/dev/null
eq "$?" "137" "the import reading its file was killed"
exec 3>&-
eq "$(sql .dump)" "$before" "an import killed while reading left nothing behind"

# ---- kill -9 while it waits for the write lock, every row checked ----
# The lock is held by sqlite3 itself, so this part is SQLite's; on PostgreSQL
# the advisory lock and a killed client are test_pg.sh's.
if on_pg; then
	skip "on PostgreSQL: the write lock held by sqlite3"
else
	# Another writer (sqlite3) holds the write lock: the import cannot get as far
	# as writing, whenever the kill comes.  It comes once the import sleeps
	# waiting for the lock (Linux: /proc/PID/syscall shows nanosleep), or at once
	# where that cannot be seen.
	mkfifo lock_in lock_out
	sqlite3 "$HOP_DB" <lock_in >lock_out &
	holder=$!
	exec 4>lock_in 5<lock_out
	printf "BEGIN IMMEDIATE;\nSELECT 'locked';\n" >&4
	read -r locked <&5
	eq "$locked" "locked" "another writer holds the write lock"
	"$HOP" import people big.csv --create-teams >kill2.out 2>&1 &
	pid=$!
	if [ -r "/proc/$pid/syscall" ]; then
		while kill -0 "$pid" 2>/dev/null && ! grep -qE '^(35|230) ' "/proc/$pid/syscall" 2>/dev/null; do
			:
		done
	fi
	kill -9 "$pid"
	{ wait "$pid"; } 2>/dev/null
	eq "$?" "137" "the import waiting for the write lock was killed"
	printf "ROLLBACK;\n.quit\n" >&4
	exec 4>&- 5<&-
	wait "$holder"
	eq "$(sql .dump)" "$before" "an import killed while waiting for the lock left nothing behind"
fi

# ---- bookings beside the import: never refused ----
# First while the import reads and checks its file (fed through a FIFO, it
# is midway through until the rest comes), then again and again until it has
# finished (its status file is there).
mkfifo feed2
( "$HOP" import people feed2 --create-teams >import.out 2>import.err; echo $? >import.rc ) &
imp=$!
exec 3>feed2
head -c 250000 big.csv >&3
n=0 fails=0
: >book.err
book_round() {
	HOP_USER=u1 "$HOP" book 2026-11-24 D1 >/dev/null 2>>book.err || fails=$((fails + 1))
	HOP_USER=u1 "$HOP" cancel 2026-11-24 D1 >/dev/null 2>>book.err || fails=$((fails + 1))
	n=$((n + 1))
}
book_round
book_round
eq "$fails" "0" "bookings while the import checks its file succeed ($(head -c 300 book.err))"
tail -c +250001 big.csv >&3
exec 3>&-
while :; do
	book_round
	[ -s import.rc ] && break
done
wait "$imp"
eq "$(cat import.rc)" "0" "the import beside the bookings succeeded"
has import.out "added $ROWS, updated 0, unchanged 0 (teams created 1)" "it added every row after the kills"
eq "$fails" "0" "no booking or cancellation failed beside the import ($n rounds; $(head -c 300 book.err))"
eq "$(sql "SELECT count(*) FROM person WHERE login LIKE 'neu%'")" "$ROWS" "every new person is there"
eq "$(sql "SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id WHERE p.login LIKE 'neu%'")" \
	"$ROWS" "each with a post in their team"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'person.add' AND object LIKE 'person:neu%'")" \
	"$ROWS" "each with an audit entry"
eq "$(sql "SELECT name FROM person WHERE login = 'neu00017'")" "Jürgen Weiß 17" "umlauts arrive"
eq "$(sql "SELECT t.name FROM person p JOIN team t ON t.id = p.team_id WHERE p.login = 'neu00018'")" \
	"Referat 12 – Zuwachs" "the new team, dash and all"
eq "$(sql "SELECT start_date FROM person WHERE login = 'neu00017'")" "2026-12-18" "DD.MM.YYYY as ISO"

# ---- the same file again: nothing to do ----
before=$(sql "SELECT count(*) FROM audit")
expect_ok "the same file again" import people big.csv --create-teams
has "$OUT" "added 0, updated 0, unchanged $ROWS (teams created 0)" "the second import changes nothing"
eq "$(sql "SELECT count(*) FROM audit")" "$before" "and writes nothing to the audit log"

finish
