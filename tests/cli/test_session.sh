#!/bin/sh
# Training sessions through the binary: the date-time forms, the end from the
# course's hours, the refusals that change nothing, the room booked per day
# through the booking rules and refused when taken, editing and cancelling
# (bookings and enrolments kept, cancelled), attendance writing a record, the
# feeds read by Python's icalendar, German messages.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
# asu USER CMD...: run a test command as another user.
asu() { _u=$HOP_USER; HOP_USER=$1; shift; "$@"; HOP_USER=$_u; }

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "site in Berlin" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "room" room add R1 --zone Nord --kind meeting-room --capacity 30 --name "Saal Spree"
expect_ok "a desk" desk add D1 --zone Nord
expect_ok "hr" person add hr --name "Hanna Rat" --roles employee,hr --team "Referat 11"
expect_ok "trainer" person add tr --name "Theo Rainer" --team "Referat 11"
expect_ok "employee" person add emp --name "Emil Meier" --team "Referat 11"
expect_ok "course with hours" course add DS --title "Datenschutz" --hours 3 --validity 24
expect_ok "course without hours" course add ITS --title "IT-Sicherheit"

# ---- adding: only the id on stdout, the three forms of a date-time ----
expect_ok "add ISO with T" session add DS --start 2026-11-25T09:00 --capacity 10 --room R1 --trainer tr
S1=$(cat "$OUT")
eq "$S1" "1" "session add prints only the id"
has "$ERR" "added session 1 of DS (Datenschutz)" "the message goes to stderr"
eq "$(sql "SELECT starts_at || ' ' || ends_at FROM course_session WHERE id = 1")" \
	"2026-11-25T09:00 2026-11-25T12:00" "the end is the start plus the course's 3 hours"
expect_ok "add with a space" session add ITS --start "2026-11-26 10:00" --capacity 5 --online https://meet.example/its
eq "$(sql "SELECT starts_at || ' ' || ends_at || ' ' || online_url FROM course_session WHERE id = 2")" \
	"2026-11-26T10:00 2026-11-26T16:00 https://meet.example/its" "without hours the end is 16:00"
expect_ok "add German" session add ITS --start "27.11.2026 13:00" --end "27.11.2026 15:30" --capacity 5 --location "VHS Mitte"
eq "$(sql "SELECT starts_at || ' ' || ends_at || ' ' || location FROM course_session WHERE id = 3")" \
	"2026-11-27T13:00 2026-11-27T15:30 VHS Mitte" "a German date and an end given"

# ---- the room: one booking per day, linked; a taken room refuses ----
eq "$(sql "SELECT b.day || ' ' || b.am || b.pm || ' ' || b.attendees || ' ' || d.code FROM course_session_booking l JOIN booking b ON b.id = l.booking_id JOIN desk d ON d.id = b.desk_id WHERE l.session_id = 1")" \
	"2026-11-25 10 10 R1" "the room is booked for the morning, for the capacity"
expect_ok "two days" session add DS --start "2026-11-30 09:00" --end "2026-12-01 16:00" --capacity 8 --room R1
S4=$(cat "$OUT")
eq "$(sql_list ' ' "SELECT b.day || ':' || b.am || b.pm FROM course_session_booking l JOIN booking b ON b.id = l.booking_id WHERE l.session_id = $S4 ORDER BY b.day")" \
	"2026-11-30:11 2026-12-01:11" "a two-day session books the room on both days, all day"
before=$(dump)
expect_fail "the room is taken that morning" '!' session add ITS --start "2026-11-25 11:00" --capacity 4 --room R1
has "$ERR" "R1" "the refusal names the room"
has "$ERR" "25 Nov 2026" "the refusal names the day"
if [ "$(dump)" = "$before" ]; then ok "a refused session changes nothing"; else nok "a refused session changes nothing: the database changed"; fi

# ---- bad input: clear refusals, nothing changed ----
expect_fail "end before start" '!' session add DS --start "2026-11-25 14:00" --end "2026-11-25 10:00" --capacity 3
has "$ERR" "before it starts" "end before start is named"
expect_fail "capacity 0" 2 session add DS --start "2026-11-25 14:00" --capacity 0
has "$ERR" "from 1 to 1000, not '0'" "capacity 0 is named"
expect_fail "capacity 1001" 2 session add DS --start "2026-11-25 14:00" --capacity 1001
expect_fail "room and link" 2 session add DS --start "2026-11-25 14:00" --capacity 3 --room R1 --online https://x.example
has "$ERR" "not both" "room and link together"
expect_fail "unknown room" '!' session add DS --start "2026-11-25 14:00" --capacity 3 --room R9
has "$ERR" "R9" "the unknown room is named"
expect_fail "a desk is no room" '!' session add DS --start "2026-11-25 14:00" --capacity 3 --room D1
has "$ERR" "is a desk, not a room" "a desk is refused"
expect_fail "not a date" '!' session add DS --start "morgen früh" --capacity 3
has "$ERR" "is not a date and time" "a bad date-time is named"
expect_fail "unknown course" '!' session add NOPE --start "2026-11-25 14:00" --capacity 3
asu emp expect_fail "employees keep no sessions" '!' session add DS --start "2026-11-25 14:00" --capacity 3
HOP_USER=emp "$HOP" session add DS --start "2026-11-25 14:00" --capacity 3 >"$OUT" 2>"$ERR"
has "$ERR" "only HR and administrators keep training sessions" "an employee is refused"
if [ "$(dump)" = "$before" ]; then ok "the refusals changed nothing"; else nok "the refusals changed nothing: the database changed"; fi

# ---- listing ----
expect_ok "list csv" session list --format csv
has "$OUT" "id,course,title,start,end,place,capacity,booked,free,waitlisted,requested,trainer,state,mine" "the csv header"
has "$OUT" "1,DS,Datenschutz,2026-11-25T09:00,2026-11-25T12:00,\"R1 (Saal Spree), Haus\",10,0,10,0,0,Theo Rainer,open," "a session's row"
expect_ok "list one course" session list --course ITS --format csv
eq "$(($(wc -l <"$OUT") - 1))" "2" "two ITS sessions"
expect_ok "list json" session list --format json
has "$OUT" '"waitlisted"' "json keys"

# ---- enrolment and show ----
asu emp expect_ok "emp enrols" enrol 1
expect_ok "show as HR" session show 1
has "$OUT" "Emil Meier" "HR sees the attendees"
has "$OUT" "Seats:        10, 1 booked, 9 free" "the seats"
HOP_USER=emp "$HOP" session show 1 >"$OUT" 2>"$ERR"
hasnt "$OUT" "Login" "an employee sees no attendee list"
has "$OUT" "You:" "but their own enrolment"
HOP_USER=tr "$HOP" session show 1 --format csv >"$OUT" 2>"$ERR"
has "$OUT" "emp,Emil Meier" "the trainer sees the attendees"

# ---- editing ----
expect_ok "move the session" session edit 1 --start "2026-11-25 13:30"
eq "$(sql "SELECT starts_at || ' ' || ends_at || ' ' || sequence FROM course_session WHERE id = 1")" \
	"2026-11-25T13:30 2026-11-25T16:30 1" "the session keeps its length and its SEQUENCE grows"
eq "$(sql "SELECT count(*) FROM course_session_booking l JOIN booking b ON b.id = l.booking_id WHERE l.session_id = 1 AND b.cancelled_at IS NULL AND b.am = 0 AND b.pm = 1")" \
	"1" "the room is booked anew for the afternoon"
eq "$(sql "SELECT count(*) FROM course_session_booking l JOIN booking b ON b.id = l.booking_id WHERE l.session_id = 1 AND b.cancelled_at IS NOT NULL")" \
	"1" "the morning's booking is cancelled, kept"
expect_fail "fewer seats than booked" '!' session edit 1 --capacity 0
expect_ok "more seats" session edit 1 --capacity 12

# ---- attendance writes a record ----
expect_fail "not before it begins" '!' session attend 1 emp
has "$ERR" "once it has begun" "attendance waits for the session"
HOP_TODAY=2026-11-25 "$HOP" session attend 1 emp --result passed >"$OUT" 2>"$ERR"
has "$OUT" "training record" "passed writes a record"
eq "$(sql "SELECT r.result || ' ' || r.done_on || ' ' || r.valid_until || ' ' || r.source FROM training_record r JOIN enrolment e ON e.id = r.enrolment_id")" \
	"passed 2026-11-25 2028-11-24 session" "the record: passed, valid 24 months"
eq "$(sql "SELECT state || ' ' || result FROM enrolment WHERE session_id = 1")" "attended passed" "the enrolment is attended"
HOP_TODAY=2026-11-25 "$HOP" session attend 1 emp >"$OUT" 2>"$ERR"
has "$ERR" "already recorded" "attendance is recorded once"

# ---- cancelling ----

asu emp expect_ok "emp enrols in 4" enrol "$S4"
expect_fail "cancel without a reason" 2 session cancel "$S4"
expect_ok "cancel" session cancel "$S4" --reason "Lehrkraft erkrankt"
has "$OUT" "cancelled session $S4 and 1 enrolment" "the enrolment is cancelled with it"
eq "$(sql "SELECT count(*) FROM course_session_booking l JOIN booking b ON b.id = l.booking_id WHERE l.session_id = $S4 AND b.cancelled_at IS NULL")" \
	"0" "its room bookings are cancelled"
eq "$(sql "SELECT count(*) FROM course_session WHERE id = $S4")" "1" "the session is kept"
eq "$(sql "SELECT state FROM enrolment WHERE session_id = $S4")" "cancelled" "the enrolment is kept, cancelled"
asu tr expect_fail "no enrolment in a cancelled session" '!' enrol "$S4"

expect_ok "the audit log" log --limit 5
has "$OUT" "session.cancel" "the cancellation is audited"

# ---- the feeds ----
expect_ok "emp's feed" export ics --person emp -o "$SCRATCH/emp.ics"
expect_ok "trainer's feed" export ics --person tr -o "$SCRATCH/tr.ics"
has "$SCRATCH/emp.ics" "DTSTART;TZID=Europe/Berlin:20261125T133000" "a timed event at the session's time"
has "$SCRATCH/emp.ics" "LOCATION:R1 Saal Spree\\, Haus" "at the room"
has "$SCRATCH/emp.ics" "STATUS:CANCELLED" "the cancelled session"
has "$SCRATCH/tr.ics" "Training (as trainer): Datenschutz" "the trainer's event"
PY=/usr/bin/python3
if "$PY" -c 'import icalendar' 2>/dev/null; then
	for f in emp tr; do
		"$PY" - "$SCRATCH/$f.ics" >"$OUT" 2>&1 <<'EOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
uids = set()
for ev in cal.walk("VEVENT"):
    uid = str(ev["UID"])
    assert uid not in uids, uid
    uids.add(uid)
    if not uid.startswith("training-"):
        continue
    st = str(ev["STATUS"])
    start = ev.decoded("DTSTART")
    print(uid, start.isoformat(), st, int(ev["SEQUENCE"]), str(ev["SUMMARY"]))
EOF
		if [ $? -eq 0 ]; then ok "Python's icalendar reads the $f feed with unique UIDs"
		else nok "icalendar on the $f feed: $(head -c 600 "$OUT")"; fi
	done
	has "$OUT" "2026-11-25T13:30:00+01:00 CONFIRMED 2 Training (as trainer): Datenschutz" "the trainer's session at 13:30 Berlin time"
else
	skip "python3-icalendar is not installed for /usr/bin/python3"
fi
if command -v icalvalidator >/dev/null 2>&1 || [ -x /usr/bin/icalvalidator ]; then
	skip "libical's validator is checked in test_ics.sh"
fi

# ---- German ----
export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	expect_fail "German: end before start" '!' session add DS --start "2026-11-25 14:00" --end "2026-11-25 10:00" --capacity 3
	has "$ERR" "vor ihrem Beginn" "German: end before start"
	expect_ok "German: list" session list
	has "$OUT" "Plätze" "German: the list's headers"
else
	skip "the locale de_DE.UTF-8 is not installed"
fi
finish
