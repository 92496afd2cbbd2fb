#!/bin/sh
# Enrolment through the binary: seats, the first-come waitlist and its
# promotion in the same transaction, approval by the lead, who may enrol
# whom, the presence tie-in (office days, an away day warned), lists.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
# asu USER CMD...: run a test command as another user.
asu() { _u=$HOP_USER; HOP_USER=$1; shift; "$@"; HOP_USER=$_u; }
state() { sql "SELECT e.state FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.session_id = $1 AND p.login = '$2' AND e.state <> 'cancelled'"; }

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "other team" team add "Referat 12"
expect_ok "site in Berlin" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "room" room add R1 --zone Nord --kind meeting-room --capacity 30
expect_ok "lead" person add chef --name "Carla Chef" --team "Referat 11" --roles employee,lead
expect_ok "lead of the team" team edit "Referat 11" --lead chef
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11"
expect_ok "bernd" person add bernd --name "Bernd Kurz" --team "Referat 11"
expect_ok "juergen" person add jweiss --name "Jürgen Weiß" --team "Referat 11"
expect_ok "dora" person add dora --name "Dora Fern" --team "Referat 11"
expect_ok "otto, another team" person add otto --name "Otto Drei" --team "Referat 12"
expect_ok "course" course add DS --title "Datenschutz" --hours 3
expect_ok "course needing approval" course add EXT --title "Führung extern" --approval
expect_ok "session of 2 seats" session add DS --start "2026-11-25 09:00" --capacity 2 --room R1
S=$(cat "$OUT")
expect_ok "approval session" session add EXT --start "2026-12-02 09:00" --capacity 1 --location "Akademie"
A=$(cat "$OUT")

# ---- the presence tie-in: bernd planned home, dora away that day ----
asu bernd expect_ok "bernd at home that day" presence set 2026-11-25 home
asu dora expect_ok "dora away that day" presence set 2026-11-25 away

# ---- seats, waitlist, promotion ----
asu anna expect_ok "anna enrols" enrol "$S"
has "$OUT" "You have a seat in session $S." "anna has a seat"
has "$OUT" "1 day of the session is now an office day." "her day becomes an office day"
eq "$(sql "SELECT location FROM presence p JOIN person x ON x.id = p.person_id WHERE x.login = 'anna' AND day = '2026-11-25'")" \
	"office" "the office day is set"
asu bernd expect_ok "bernd enrols" enrol "$S"
eq "$(sql "SELECT location FROM presence p JOIN person x ON x.id = p.person_id WHERE x.login = 'bernd' AND day = '2026-11-25'")" \
	"home" "bernd's own entry is kept"
hasnt "$OUT" "office day" "no office day for bernd"
asu jweiss expect_ok "juergen enrols: full" enrol "$S"
has "$OUT" "Session $S is full: Jürgen Weiß is number 1 on the waitlist." "the third is waitlisted"
eq "$(state "$S" jweiss)" "waitlisted" "stored waitlisted"
asu dora expect_ok "dora enrols: second on the waitlist, away that day" enrol "$S"
has "$OUT" "number 2 on the waitlist" "first come, first served"
has "$ERR" "warning: Dora Fern planned to be away on Wed 25 Nov 2026" "the away day is warned"
asu anna expect_fail "anna twice" '!' enrol "$S"
has "$ERR" "already enrolled" "a second enrolment is refused"
before=$(sql "SELECT count(*) FROM enrolment")
asu anna expect_ok "anna cancels" enrol --cancel "$S"
has "$OUT" "Jürgen Weiß moves up from the waitlist." "the first waiting person moves up"
eq "$(state "$S" jweiss)" "booked" "juergen is booked"
eq "$(state "$S" dora)" "waitlisted" "dora still waits"
eq "$(sql "SELECT count(*) FROM enrolment")" "$before" "the cancelled enrolment is kept"
expect_ok "the audit log" log --limit 10
has "$OUT" "enrol.promote" "the promotion is audited"
eq "$(sql "SELECT count(*) FROM enrolment WHERE session_id = $S AND state = 'booked'")" "2" "never more than the seats"
asu dora expect_ok "dora's list" enrol list --format csv
has "$OUT" "$S,DS,Datenschutz,2026-11-25T09:00,dora,Dora Fern,waitlisted,1" "dora's enrolment with her place"

# ---- who may enrol whom ----
asu anna expect_fail "anna enrols otto" '!' enrol "$S" --for otto
has "$ERR" "only Otto Drei, the lead of their team and HR enrol Otto Drei" "an employee may not enrol others"
asu chef expect_fail "a lead for another team" '!' enrol "$S" --for otto
asu chef expect_ok "the lead enrols a member" enrol "$S" --for anna
has "$OUT" "Anna Berg" "the lead's enrolment names the person"
expect_ok "HR (the admin) enrols otto" enrol "$S" --for otto
asu anna expect_fail "anna sees no attendees" '!' enrol list "$S"

# ---- approval ----
asu anna expect_ok "anna asks" enrol "$A"
has "$OUT" "waits for the lead's approval" "requested"
eq "$(state "$A" anna)" "requested" "stored requested"
asu bernd expect_ok "bernd asks" enrol "$A"
asu otto expect_fail "otto may not approve" '!' enrol approve "$A" anna
has "$ERR" "only the lead of Anna Berg's team and HR decide" "who decides is named"
asu chef expect_ok "the lead approves anna" enrol approve "$A" anna
has "$OUT" "Anna Berg has a seat in session $A." "approved: booked"
asu chef expect_ok "the lead approves bernd: full" enrol approve "$A" bernd
has "$OUT" "is number 1 on the waitlist" "approved past the seats: waitlisted"
asu dora expect_ok "dora asks" enrol "$A"
asu chef expect_ok "the lead rejects dora" enrol reject "$A" dora --note "nicht dienstlich erforderlich"
has "$OUT" "rejected Dora Fern's request" "rejected"
eq "$(sql "SELECT state || ' ' || decided_by FROM enrolment e JOIN person p ON p.id = e.person_id WHERE p.login = 'dora' AND session_id = $A")" \
	"cancelled chef" "kept as cancelled with who decided"
asu chef expect_fail "no request left" '!' enrol approve "$A" dora

# ---- bad input ----
snap() { sql "SELECT count(*) FROM audit; SELECT * FROM enrolment; SELECT * FROM presence"; }
before=$(snap)
expect_fail "no such session" '!' enrol 999
has "$ERR" "there is no session 999" "an unknown session is named"
expect_fail "not a number" 2 enrol abc
expect_fail "cancel without an enrolment" '!' enrol --cancel "$S" --for dora2
HOP_TODAY=2026-11-26 "$HOP" enrol "$S" --for dora >"$OUT" 2>"$ERR"
has "$ERR" "it takes no more enrolments" "a past session takes no enrolments"
if [ "$(snap)" = "$before" ]; then ok "refusals change nothing"; else nok "refusals changed the enrolments, presence or audit log"; fi
finish
