#!/bin/sh
# The data-protection duties (issue 11): who may read the audit log and the
# list of people, who sets where someone works, one rule for free text,
# published feeds (mode, temporaries of killed runs, names that never
# collide, notes as private as names), 'hop person data' and 'hop purge'.
. "$(dirname "$0")/lib.sh"

as() { u=$1; shift; HOP_USER=$u run "$@"; }
as_ok() { d=$1 u=$2; shift 2; HOP_USER=$u run "$@"
	if [ "$RC" -eq 0 ]; then ok "$d"; else nok "$d (exit $RC: $(head -c 400 "$ERR"))"; fi; }
as_fail() { d=$1 want=$2 u=$3; shift 3; HOP_USER=$u run "$@"
	if [ "$RC" = "$want" ]; then ok "$d"; else nok "$d (exit $RC, wanted $want; stderr: $(head -c 400 "$ERR"))"; fi; }
conf() { printf '%s\n' "$@" >"$SCRATCH/hop.ini"; export HOP_CONFIG="$SCRATCH/hop.ini"; }

# An organisation made in the past, so that some of it is old.
export HOP_TODAY=2023-01-10
expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "team 2" team add "Referat 12"
expect_ok "hr" person add hana --name "Hana Hahn" --roles employee,hr --start 2020-01-01
expect_ok "facilities" person add fritz --name "Fritz Falk" --roles employee,facilities --start 2020-01-01
expect_ok "lead" person add lena --name "Lena Lorenz" --team "Referat 11" --roles employee,lead --start 2020-01-01
expect_ok "lead of team" team edit "Referat 11" --lead lena
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11" --start 2020-01-01
expect_ok "bernd" person add bernd --name "Bernd Weiß" --team "Referat 11" --start 2020-01-01
expect_ok "carl" person add carl --name "Carl Öztürk" --team "Referat 12" --email carl@example.org --start 2020-01-01
expect_ok "site" site add Haus
expect_ok "zone" zone add Haus "3. OG" Süd --team "Referat 11"
expect_ok "desk S1" desk add S1 --zone Süd
expect_ok "desk S2" desk add S2 --zone Süd
expect_ok "fixed desk" desk add F1 --zone Süd --owner carl
expect_ok "room" room add R8 --zone Süd --kind meeting-room --capacity 8
as_ok "carl books in 2023" carl book 2023-01-12 S2
as_ok "carl plans a day in 2023" carl presence set 2023-01-13 home --note "Handwerker"
as_ok "carl leaves" hana person remove carl --date 2023-01-31
export HOP_TODAY=2026-03-02
as_ok "anna books in March" anna book 2026-03-04 S1
as_ok "anna plans a day in March" anna presence set 2026-03-05 home
export HOP_TODAY=2026-11-23
for d in 2026-11-24 2026-11-25 2026-11-26 2026-11-27 2026-11-30; do
	as_ok "anna books $d" anna book "$d" S1
done
as_ok "anna's room with a private note" anna book 2026-11-24 R8 --people 3 --note "Gespräch Müller"

# ---- reading rights ----
as_ok "anna reads the log" anna log --limit 0 --wide
has "$OUT" "person:anna" "her own entries"
hasnt "$OUT" "person:bernd" "not bernd's"
hasnt "$OUT" "team:referat" "not the teams'"
as_fail "anna asks for bernd's entries" 4 anna log --person bernd
has "$ERR" "the audit log is shown to HR and admins; you may see the entries about you and the changes you made" "the refusal"
as_fail "anna asks for another actor" 4 anna log --actor hana
as_fail "anna asks for a team" 4 anna log --team "Referat 11"
as_ok "anna asks for her own by name" anna log --person anna
as_fail "a stranger reads no log" 4 nobody log
as_ok "HR reads everything" hana log --person bernd --wide
has "$OUT" "person:bernd" "HR sees bernd's entries"
as_ok "anna shows bernd" anna person show bernd
hasnt "$OUT" "Recent changes" "without bernd's changes"
as_ok "HR shows bernd" hana person show bernd
has "$OUT" "Recent changes" "HR sees his changes"
as_fail "anna exports no people" 4 anna export people
has "$ERR" "only HR or an admin can export the list of people" "the refusal"
as_fail "facilities export no people" 4 fritz export people
as_fail "nor a lead" 4 lena export people
as_ok "HR exports" hana export people
has "$OUT" "anna,Anna Berg" "the people"
as_fail "anna's export to a file" 4 anna export people "$SCRATCH/people.csv"
[ ! -e "$SCRATCH/people.csv" ] && ok "no file is left" || nok "a refused export left a file"

# Where someone works: the person and their lead; facilities keep desks.
before=$(sql "SELECT count(*) FROM presence")
as_fail "facilities set no one's day" 4 fritz presence set 2026-11-26 home --for bernd
has "$ERR" "where Bernd Weiß works is planned by them and their lead; facilities book desks and rooms for others, not their days" "the refusal"
as_fail "nor the weekly default" 4 fritz presence default mon=home --for bernd
as_fail "nor clear a day" 4 fritz presence clear 2026-11-26 --for bernd
eq "$(sql "SELECT count(*) FROM presence")" "$before" "no presence day changed"
eq "$(sql "SELECT count(*) FROM presence_default WHERE person_id = (SELECT id FROM person WHERE login = 'bernd')")" "0" "no default changed"
as_ok "facilities still book for others" fritz book 2026-11-26 S2 --for bernd
as_ok "the lead sets a member's day" lena presence set 2026-11-27 home --for bernd
as_fail "a colleague does not" 4 anna presence set 2026-11-27 office --for bernd
has "$ERR" "you may plan days only for yourself; for Bernd Weiß, ask their lead" "the refusal"

# ---- one rule for free text ----
esc=$(printf 'x\033[2Jy') bel=$(printf 'a\007b') nl=$(printf 'one\ntwo')
before=$(sql "SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM presence")
as_fail "an escape in a presence note" 1 anna presence set 2026-11-30 home --note "$esc"
has "$ERR" "the note contains a control character (a line break or tab); write it on one line" "the booking note's sentence"
as_fail "a bell in a presence note" 1 anna presence set 2026-11-30 home --note "$bel"
as_fail "a line break in a presence note" 1 anna presence set 2026-11-30 home --note "$nl"
eq "$(sql "SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM presence")" "$before" "no presence day changed"
before=$(sql "SELECT count(*) FROM team_day")
as_fail "an escape in a team-day note" 1 lena teamday set "Referat 11" tue --note "$esc"
has "$ERR" "the note contains a control character" "the same sentence"
eq "$(sql "SELECT count(*) FROM team_day")" "$before" "no team day added"
as_fail "a C1 control in a booking note" 1 anna book 2026-11-25 R8 --note "$(printf 'a\302\233b')"
# What an older version stored goes into no feed raw.
sql "UPDATE presence SET note = 'x' || char(27) || '[2J' || char(7) WHERE person_id = (SELECT id FROM person WHERE login = 'bernd')"
as_ok "bernd's feed" bernd export ics --person bernd
if LC_ALL=C grep -q "$(printf '\033')" "$OUT" || LC_ALL=C grep -q "$(printf '\007')" "$OUT"; then
	nok "the feed carries a raw control character"
else ok "the feed carries no raw control character"; fi

# ---- feeds ----
expect_ok "a desk named _x" desk add _x --zone Süd
sql "INSERT INTO desk (code, zone_id, kind) SELECT '.x', zone_id, 'desk' FROM desk WHERE code = 'S1'"
mkdir "$SCRATCH/feeds"
touch "$SCRATCH/feeds/desk-S1.ics.AbC123" "$SCRATCH/feeds/desk-S1.ics.XyZ789" \
	"$SCRATCH/feeds/index.txt.Qw3rty" "$SCRATCH/feeds/notes.txt.abcdef"
touch -d '2 hours ago' "$SCRATCH/feeds/desk-S1.ics.AbC123" "$SCRATCH/feeds/index.txt.Qw3rty" \
	"$SCRATCH/feeds/notes.txt.abcdef"
as_ok "publish" hana feeds publish "$SCRATCH/feeds"
has "$OUT" "Removed 2 temporary files interrupted runs left behind." "the stale temporaries are counted"
[ ! -e "$SCRATCH/feeds/desk-S1.ics.AbC123" ] && [ ! -e "$SCRATCH/feeds/index.txt.Qw3rty" ] &&
	ok "stale temporaries removed" || nok "a stale temporary is left"
[ -e "$SCRATCH/feeds/desk-S1.ics.XyZ789" ] && ok "a fresh one (a run at work) is kept" ||
	nok "a fresh temporary was removed"
[ -e "$SCRATCH/feeds/notes.txt.abcdef" ] && ok "other files are kept" || nok "another file was removed"
[ -f "$SCRATCH/feeds/desk-_x.ics" ] && [ -f "$SCRATCH/feeds/desk-=2Ex.ics" ] &&
	ok "desks _x and .x publish to two files" || nok "desk names collide: $(ls "$SCRATCH/feeds" | tr '\n' ' ')"
grep -q "X-WR-CALNAME:.*\.x\|desk-=2Ex" "$SCRATCH/feeds/index.txt" && ok "the index names the escaped file" ||
	nok "index: $(cat "$SCRATCH/feeds/index.txt")"
[ -f "$SCRATCH/feeds/desk-S1.ics" ] && [ -f "$SCRATCH/feeds/person-anna.ics" ] &&
	ok "plain names are unchanged" || nok "plain names changed"
eq "$(stat -c %a "$SCRATCH/feeds/desk-S1.ics")" "640" "feeds are 0640 by default"
eq "$(stat -c %a "$SCRATCH/feeds/index.txt")" "640" "and so is the index"
hasnt "$SCRATCH/feeds/room-R8.ics" "Müller" "a room's feed hides the note with the names"
hasnt "$SCRATCH/feeds/desk-S1.ics" "Anna Berg" "and the names"
as_ok "anna's own feed" anna export ics --person anna
has "$OUT" "Gespräch Müller" "her own feed has her note"
conf "[feeds]" "file_mode = 0600"
as_ok "publish with 0600" hana feeds publish "$SCRATCH/feeds"
eq "$(stat -c %a "$SCRATCH/feeds/desk-S1.ics")" "600" "the setting is honoured, unchanged files too"
conf "[feeds]" "file_mode = 0755"
as_fail "an executable mode is refused" 1 hana feeds publish "$SCRATCH/feeds"
has "$ERR" "is not a file mode for feeds" "with the reason"
conf "[booking]" "show_booker_names = all"
as_ok "names for all" hana export ics --room R8
has "$OUT" "Gespräch Müller" "then the note is shown too"
unset HOP_CONFIG
as_ok "bernd's listing of the room" bernd room show R8
hasnt "$OUT" "Müller" "a listing hides the note where it hides the name"

# ---- hop person data ----
as_ok "anna's own data" anna person data
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["bookings"]), d["person"]["login"], len(d["audit"]) > 0)' "$OUT" >"$SCRATCH/pd" 2>&1
eq "$(cat "$SCRATCH/pd")" "$(sql "SELECT count(*) FROM booking WHERE person_id = (SELECT id FROM person WHERE login = 'anna')") anna True" "every booking of hers, and her audit entries"
ids=$(/usr/bin/python3 -c 'import json,sys; print(" ".join(str(b["id"]) for b in json.load(open(sys.argv[1]))["bookings"]))' "$OUT")
eq "$ids" "$(sql_list ' ' "SELECT id FROM booking WHERE person_id = (SELECT id FROM person WHERE login = 'anna') ORDER BY day, id")" "the very bookings, in order"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'person.data' AND object = 'person:anna' AND actor = 'anna'")" "1" "the request is audited"
as_fail "bernd may not see anna's" 4 bernd person data anna
has "$ERR" "only Anna Berg, HR or an admin can see everything hop holds about Anna Berg" "the refusal"
as_fail "nor her lead" 4 lena person data anna
as_ok "HR may" hana person data carl
has "$OUT" "\"presence\": [" "the sections"
has "$OUT" "Handwerker" "carl's old presence note"

# ---- hop purge ----
HOP_DB=$(copy_db copy)
export HOP_DB
conf "[privacy]" "keep_days_months = 6" "keep_audit_months = 12" "keep_people_months = 36"
snap() { sql "SELECT (SELECT count(*) FROM booking) || ':' || (SELECT count(*) FROM presence) || ':' ||
	(SELECT count(*) FROM audit) || ':' || (SELECT count(*) FROM course_session_booking)"
	sql_list , "SELECT login FROM person ORDER BY id"; }
before=$(snap)
as_fail "an employee may not purge" 4 anna purge
as_fail "nor facilities" 4 fritz purge --dry-run
eq "$(snap)" "$before" "nothing changed"
old_b=$(sql "SELECT count(*) FROM booking WHERE day < '2026-05-23'")
young_b=$(sql "SELECT count(*) FROM booking WHERE day >= '2026-05-23'")
old_p=$(sql "SELECT count(*) FROM presence WHERE day < '2026-05-23'")
young_p=$(sql "SELECT count(*) FROM presence WHERE day >= '2026-05-23'")
old_a=$(sql "SELECT count(*) FROM audit WHERE at < '2025-11-23'")
young_a=$(sql "SELECT count(*) FROM audit WHERE at >= '2025-11-23'")
[ "$old_b" -ge 2 ] && [ "$old_p" -ge 2 ] && [ "$old_a" -ge 5 ] && ok "there is old data ($old_b $old_p $old_a)" ||
	nok "no old data to purge ($old_b $old_p $old_a)"
as_ok "a dry run" hana purge --dry-run
has "$OUT" "Dry run: nothing was changed." "says so"
has "$OUT" "before 2026-05-23" "names the day"
eq "$(snap)" "$before" "a dry run changes nothing"
as_ok "purge" hana purge --format csv
has "$OUT" "booking,deleted,$old_b" "the bookings deleted, counted"
has "$OUT" "audit,deleted,$old_a" "the audit entries deleted, counted"
has "$OUT" "person,anonymised,1" "one person anonymised"
eq "$(sql "SELECT count(*) FROM booking")" "$young_b" "exactly the younger bookings are left"
eq "$(sql "SELECT count(*) FROM booking WHERE day < '2026-05-23'")" "0" "no older one"
eq "$(sql "SELECT count(*) FROM presence")" "$young_p" "exactly the younger presence days"
eq "$(sql "SELECT count(*) FROM audit WHERE action <> 'purge'")" "$young_a" "exactly the younger audit entries"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'purge' AND actor = 'hana'")" "1" "the purge is audited"
id=$(sql "SELECT id FROM person WHERE name LIKE 'former employee #%'")
eq "$(sql "SELECT login || '|' || name || '|' || coalesce(email, '-') FROM person WHERE id = $id")" "#$id|former employee #$id|-" "carl is a former employee"
eq "$(sql "SELECT count(*) FROM person WHERE login = 'carl' OR name LIKE '%Öztürk%'")" "0" "his name is gone from person"
eq "$(sql "SELECT count(*) FROM audit WHERE actor = 'carl' OR object = 'person:carl' OR detail LIKE '%Öztürk%'")" "0" "and from the audit log"
eq "$(sql "SELECT count(*) FROM presence WHERE person_id = $id")" "0" "his presence days are deleted"
eq "$(sql "SELECT count(*) FROM desk WHERE owner_id = $id")" "0" "his fixed desk is shared"
eq "$(sql "SELECT count(*) FROM person WHERE login IN ('anna', 'bernd', 'hana')")" "3" "people still here are untouched"
after=$(snap)
as_ok "a second purge" hana purge
has "$OUT" "Nothing is older than the retention periods." "finds nothing more"
eq "$(sql "SELECT count(*) FROM booking") $(sql "SELECT count(*) FROM person WHERE login LIKE '#%'")" "$young_b 1" "and changes nothing"

finish
