#!/bin/sh
# Presence days through the binary on the demo: set, show, defaults, team
# days and the suggestion, the office-agreement report after a bad week,
# presence and bookings kept consistent, holidays by Land, hop week across
# the turn of the year.
. "$(dirname "$0")/lib.sh"

expect_ok "demo" init --demo
R11=referat-11-digitalisierung
HOP_USER=hkoch; export HOP_USER     # lead of Referat 11

# --- set, show, default ---
expect_ok "set office" presence set 2026-11-24 office
has "$OUT" "Tue 24 Nov 2026: office" "office reported"
eq "$(sql "SELECT location FROM presence p JOIN person u ON u.id = p.person_id WHERE u.login = 'hkoch' AND day = '2026-11-24'")" "office" "office stored"
eq "$(sql "SELECT count(*) FROM booking b JOIN person u ON u.id = b.person_id WHERE u.login = 'hkoch' AND day = '2026-11-24' AND cancelled_at IS NULL AND is_room = 0")" "1" "office holds a desk"
expect_ok "a range" presence set 2026-11-25..2026-11-29 home --note "Umzug"
has "$OUT" "skipped: Sat 28 Nov 2026 is a Saturday" "weekend skipped"
has "$OUT" "Set 3 days to home; 2 days skipped" "summary"
expect_ok "default" presence default mon=office,tue=home,fri=mobil
has "$OUT" "Weekly default of Henning Koch: Mon office, Tue home, Wed -, Thu -, Fri mobile" "defaults shown"
expect_ok "show" presence show --week 2026-W48
has "$OUT" "Henning Koch · KW 48 · 23.–27.11.2026" "show heading"
has "$OUT" "desk booked" "Monday: a desk booked means office"
has "$OUT" "Umzug" "note shown"
# Another location keeps the day's note; --note '' removes it.
expect_ok "mobile on a day with a note" presence set 2026-11-25 mobile
eq "$(sql "SELECT location || ':' || coalesce(note, '-') FROM presence p JOIN person u ON u.id = p.person_id WHERE u.login = 'hkoch' AND day = '2026-11-25'")" "mobile:Umzug" "the note stays"
expect_ok "remove the note" presence set 2026-11-25 home --note ""
eq "$(sql "SELECT location || ':' || coalesce(note, '-') FROM presence p JOIN person u ON u.id = p.person_id WHERE u.login = 'hkoch' AND day = '2026-11-25'")" "home:-" "--note '' removes it"
expect_ok "the note back" presence set 2026-11-25 home --note "Umzug"
expect_ok "show json" presence show --week 49 --format json
has "$OUT" '{"day": "2026-12-04", "location": "mobile", "source": "default"' "Friday from the default"
expect_fail "bad location" 2 presence set tue beach
has "$ERR" "'beach' is not a location" "names the word"
expect_fail "a member of another team" 4 presence set 2026-11-26 home --for drieger
has "$ERR" "Doris Rieger" "says who"

# --- consistency: office <-> home on one day ---
for loc in home office home office home; do
	run presence set 2026-11-26 $loc
done
eq "$RC" "0" "switching works"
eq "$(sql "SELECT count(*) FROM booking b JOIN presence p ON p.person_id = b.person_id AND p.day = b.day WHERE b.cancelled_at IS NULL AND b.is_room = 0 AND p.location <> 'office'")" "0" "no active desk booking on a day marked away from the office"
# Booking a desk on a day marked home makes the day an office day, in the same change.
expect_ok "home again" presence set 2026-11-26 home
expect_ok "book a desk on a home day" book 2026-11-26 --any
eq "$(sql "SELECT location FROM presence p JOIN person u ON u.id = p.person_id WHERE u.login = 'hkoch' AND day = '2026-11-26'")" "office" "booking a desk sets the day to office"
eq "$(sql "SELECT count(*) FROM booking b JOIN presence p ON p.person_id = b.person_id AND p.day = b.day WHERE b.cancelled_at IS NULL AND b.is_room = 0 AND p.location <> 'office'")" "0" "still no desk booking on a day marked away from the office"
has "$(printf '%s' "$(HOP_USER=tester "$HOP" log --limit 3 --person hkoch)" >"$SCRATCH/log"; echo "$SCRATCH/log")" "presence.set" "the presence change is logged"
expect_ok "for a member" presence set 2026-11-27 away --for gschreiber --note Urlaub
# The same desk booked as a morning and an afternoon: home cancels both, once.
D2=$(sql "SELECT d.code FROM desk d WHERE d.kind = 'desk' AND d.owner_id IS NULL AND NOT EXISTS
	(SELECT 1 FROM booking b WHERE b.desk_id = d.id AND b.day = '2026-11-25' AND b.cancelled_at IS NULL)
	AND d.bookable_by = 'all' AND d.retired_on IS NULL ORDER BY d.code LIMIT 1")
expect_ok "free the Wednesday" presence set 2026-11-25 home
expect_ok "desk $D2 in the morning" book 2026-11-25 "$D2" --am
expect_ok "and in the afternoon" book 2026-11-25 "$D2" --pm
expect_ok "home on a day of two half bookings of one desk" presence set 2026-11-25 home
eq "$(sql "SELECT count(*) FROM booking b JOIN person u ON u.id = b.person_id WHERE u.login = 'hkoch'
	AND b.day = '2026-11-25' AND b.cancelled_at IS NULL")" "0" "both halves are cancelled"
eq "$(sql "SELECT count(*) FROM booking b JOIN person u ON u.id = b.person_id WHERE u.login = 'gschreiber' AND day = '2026-11-27' AND cancelled_at IS NULL AND is_room = 0")" "0" "away frees the member's desk"

# --- holidays: Berlin and Bavaria ---
before=$(sql "SELECT count(*) FROM presence")
expect_fail "Christmas" 1 presence set 2026-12-25 home
has "$ERR" "working days only" "says why"
eq "$(sql "SELECT count(*) FROM presence")" "$before" "refused: nothing stored"
HOP_USER=tester
expect_ok "a Bavarian site" site add München --region BY
expect_ok "a zone" zone add München EG Ost
expect_ok "a fixed desk there" desk add M1 --zone München/EG/Ost --owner drieger
expect_fail "Epiphany in Bavaria" 1 presence set 2027-01-06 home --for drieger
has "$ERR" "6 Jan 2027" "names the day"
expect_ok "a working day in Berlin" presence set 2027-01-06 home --for hkoch
HOP_USER=hkoch

# --- team days and the suggestion ---
expect_fail "not the lead" 4 teamday set referat-12-buergerservice tue
expect_ok "teamday" teamday set $R11 thu --note "Teamfrühstück"
has "$OUT" "presence day on Thursdays" "recurring"
expect_ok "a date" teamday set $R11 2026-12-03 --note "Weihnachtsfeier"
expect_ok "list" teamday list --team $R11 --format csv
has "$OUT" "thu" "list: the weekday"
has "$OUT" "Weihnachtsfeier" "list: the date's note"
# By hand: who of Referat 11 plans office in KW 48 (day entry, else a desk
# booking, else the default), per weekday.
week="SELECT count(*) FROM person u WHERE u.team_id = (SELECT id FROM team WHERE slug = '$R11') AND u.end_date IS NULL AND coalesce((SELECT location FROM presence WHERE person_id = u.id AND day = :d), (SELECT 'office' FROM booking WHERE person_id = u.id AND day = :d AND cancelled_at IS NULL AND is_room = 0 LIMIT 1), (SELECT location FROM presence_default WHERE person_id = u.id AND weekday = :w)) = 'office'"
wed=$(sql "$(echo "$week" | sed "s/:d/'2026-11-25'/g; s/:w/3/g")")
expect_ok "suggest" teamday suggest $R11 --week 2026-W48
# 10 of the 11: the new hire who starts on 30 Dec is not a member that week.
has "$OUT" "Wed 25 Nov 2026: $wed of 10 plan office" "suggest: Wednesday counted as by hand"
# Wednesday has the most in the office, but not a desk for each of the ten:
# said as the best day, short of a desk, never as fine.
has "$OUT" "No day has desks for all who can come; best: Wed 25 Nov 2026, 1 desk short." \
	"the best day, and how many desks it lacks"
hasnt "$OUT" "Suggested:" "no day short of desks is suggested"

# --- the office agreement after a bad week ---
expect_ok "bad week" presence set 2026-11-30..2026-12-04 home
# The person hears it at once, as the lead sees it marked on the Week screen.
has "$ERR" "hop: note: 5 home or mobile days in KW 49; the office agreement allows at most" \
	"the employee is told of their own deviation"
expect_ok "check" check --week 2026-W49 --wide
has "$OUT" "max-home-days" "too many home days"
has "$OUT" "team-day" "absent on the presence day"
tail -n 1 "$OUT" > "$SCRATCH/last"
has "$SCRATCH/last" "deviations from the office agreement." "count on the last line"
expect_ok "check csv" check --team $R11 --from 2026-11-30 --to 2026-12-04 --format csv
has "$OUT" "week,name,login,day,rule,text" "csv header"
hasnt "$OUT" "deviations from" "csv: no count line"

# --- forecast ---
expect_ok "forecast" forecast --week 2026-W48
has "$OUT" "all sites · KW 48" "forecast heading"
expect_ok "forecast site" forecast --site München --week 2026-W48 --format csv
has "$OUT" "day,planned,desks,booked,note" "forecast csv"

# --- hop week across the turn of the year ---
expect_ok "week 53" week --week 2026-W53
has "$OUT" "KW 53 · 28.12.2026–01.01.2027" "KW 53 heading"
has "$OUT" "Fri 1.1.#" "New Year marked"
has "$OUT" "New Year" "the holiday named"
eq "$(awk '{ if (length($0) > 100) n++ } END { print n + 0 }' "$OUT")" "0" "fits 100 columns"
expect_ok "week 1" week --week 2027-W01
has "$OUT" "KW 1 · 04.–08.01.2027" "KW 1 heading"
expect_ok "week 48" week
has "$OUT" "Thu 26.11.*" "presence day marked"
has "$OUT" "In office" "footer"
expect_ok "week as csv" week --format csv
has "$OUT" "login,name,day,location,desk,half,note,team_day,working" "week csv: the header"
eq "$(grep -c ',2026-11-2[3-7],' "$OUT")" "$(( $(sed 1d "$OUT" | cut -d, -f1 | sort -u | wc -l) * 5 ))" \
	"week csv: five rows per person"
grep -q ',2026-11-26,.*,yes,yes' "$OUT" && ok "week csv: Thursday is the presence day" ||
	nok "week csv: no presence day on Thursday: $(grep 2026-11-26 "$OUT" | head -2)"
expect_ok "week as json" week --format json
has "$OUT" '"team_day"' "week json: the keys"

# --- whose week: the same rule as the Week screen's team chooser ---
expect_fail "another team's week" 4 week --team referat-12-buergerservice
has "$ERR" "is shown only to its members, its lead, HR and admins" "the refusal says who may"
HOP_USER=tester expect_ok "an admin sees every team's week" week --team referat-12-buergerservice
printf '[booking]\nshow_booker_names = all\n' >"$SCRATCH/open.ini"
HOP_CONFIG="$SCRATCH/open.ini" expect_ok "with show_booker_names = all, everyone does" \
	week --team referat-12-buergerservice

finish
