#!/bin/sh
# Moves and secondments (issue 14, ROT-5, ROT-6, ROT-9): hop assign --host
# with its flags on standard error (a 30-month secondment to a Land
# authority needs consent), no desk at home on the days of a secondment
# outside, the bookings a move leaves in conflict, and a handover that starts
# both checklists.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team 11" team add "Referat 11"
expect_ok "team 12" team add "Referat 12"
expect_ok "site in Berlin" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone of team 11" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "zone of team 12" zone add Haus "2. OG" West --team "Referat 12"
for d in N1 N2 N3; do expect_ok "desk $d" desk add "$d" --zone "Haus/1. OG/Nord"; done
for d in W1 W2; do expect_ok "desk $d" desk add "$d" --zone "Haus/2. OG/West"; done
expect_ok "lead of 11" person add l11 --name "Lea Leitung" --team "Referat 11" --roles lead --start 2010-01-04
expect_ok "11 led by l11" team edit "Referat 11" --lead l11
expect_ok "lead of 12" person add l12 --name "Leo Leitung" --team "Referat 12" --roles lead --start 2010-01-04
expect_ok "12 led by l12" team edit "Referat 12" --lead l12
expect_ok "a" person add a1 --name "Anna Abgeordnet" --team "Referat 11" --start 2015-01-05
expect_ok "b" person add b1 --name "Bert Bleibt" --team "Referat 11" --start 2015-01-05
expect_ok "c" person add c1 --name "Clara Wechsel" --team "Referat 11" --start 2015-01-05
expect_ok "m" person add m12 --name "Max Mentor" --team "Referat 12" --start 2012-01-02

# ---- a secondment outside: 30 months to a Land authority ----
expect_ok "a1 books N1 on 1 Dec before the secondment is known" book 2026-12-01 N1 --for a1
expect_ok "a1 seconded to a Land authority for 30 months" assign a1 --host "Finanzministerium NRW" --level land --from 2026-12-01 --until 2029-05-31
has "$OUT" "a1 is seconded from Referat 11 to Finanzministerium NRW (Land) from 2026-12-01 to 2029-05-31" "said where to"
has "$ERR" "hop: note: a secondment of 30 months needs the person's consent (BBG § 27)" "flagged for consent"
has "$ERR" "hop: note: the staff council (Personalrat) takes part" "and for the staff council"
eq "$(sql "SELECT CAST(team_id = (SELECT id FROM team WHERE name = 'Referat 11') AS integer) || '|' || host || '|' || host_level FROM membership WHERE kind = 'secondment' AND person_id = (SELECT id FROM person WHERE login = 'a1')")" "1|Finanzministerium NRW|land" "stored: seconded from Referat 11, host and level"
expect_ok "the secondments" rotation secondments --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "login,name,from_team,host,level,start,end,months,consent,personalrat" "the columns"
has "$OUT" "a1,Anna Abgeordnet,Referat 11,Finanzministerium NRW,land,2026-12-01,2029-05-31,30,yes,yes" "30 months, consent and staff council"

# The level in front of the host; a level that contradicts it; short ones.
expect_ok "b1 to a Kommune for two months, level in front" assign b1 - --host "Kommune: Stadt Köln" --from 2027-03-01 --until 2027-04-30
has "$OUT" "to Stadt Köln (Kommune)" "the prefix is the level"
has "$ERR" "needs the person's consent" "another employer: consent, however short"
hasnt "$ERR" "Personalrat" "two months: no staff council"
expect_fail "a level against the prefix" ! assign b1 --host "Land: Finanzministerium" --level bund --from 2028-03-01 --until 2028-03-31
has "$ERR" "give one of them" "refused, saying what to fix"
expect_ok "a colon that is no level stays in the name" assign b1 "Referat 11" --host "Stadt Köln: Amt 12" --from 2028-05-02 --until 2028-05-05
has "$OUT" "to Stadt Köln: Amt 12 (other employer)" "the whole name, level other"
expect_fail "--host with another kind" ! assign b1 --host X --kind post --from 2029-01-01
expect_fail "--level without --host" ! assign b1 "Referat 12" --level land --from 2029-01-01
eq "$(sql "SELECT count(*) FROM membership WHERE person_id = (SELECT id FROM person WHERE login = 'b1') AND kind = 'secondment'")" "2" "the refused ones changed nothing"
HOP_USER=b1 expect_fail "an employee cannot second" ! assign c1 --host X --from 2027-01-01
has "$ERR" "only HR or an admin" "the refusal says who may"

# ---- no desk at home during a secondment outside (ROT-6) ----
before=$(sql "SELECT count(*) FROM booking")
expect_fail "a desk for a1 on a secondment day" ! book 2026-12-02 N2 --for a1
has "$ERR" "Anna Abgeordnet is seconded to Finanzministerium NRW from" "names the host"
has "$ERR" "and has no desk here on" "says why"
HOP_USER=a1 expect_fail "a1 cannot book herself either" ! book 2026-12-03
has "$ERR" "you are seconded to Finanzministerium NRW from" "said to herself"
eq "$(sql "SELECT count(*) FROM booking")" "$before" "nothing was booked"
expect_ok "the day before is fine" book 2026-11-30 N2 --for a1

# ---- away for forecasts, in no team ----
expect_ok "a1 plans the office on Wednesdays" presence default wed=office --for a1
expect_ok "a1's week" presence show --person a1 --week 2026-12-02 --format csv
has "$OUT" "2026-12-02,away,secondment," "a secondment day is away, whatever the default says"
has "$OUT" "2026-12-01,away,secondment," "and whatever the booking left from before says"
has "$OUT" "2026-11-30,office,day," "the day before is as planned"
expect_ok "the forecast" forecast --week 2026-12-02 --format csv
has "$OUT" "2026-12-02,0," "nobody planned in on the Wednesday"
expect_ok "who is in Referat 11 on 2 Dec" who --team "Referat 11" 2026-12-02 --format csv
hasnt "$OUT" "a1" "a1 is in no team on a day of the secondment"
expect_ok "the team day suggestion of Referat 11" teamday suggest "Referat 11" --week 2026-12-09
has "$OUT" "3 members" "a1 is not counted among its members"
expect_ok "the week of Referat 11" week --team "Referat 11" --week 2026-12-09 --format csv
hasnt "$OUT" "a1," "and not in its week"

# ---- conflicts: the booking made before the secondment was known ----
expect_ok "the conflicts" rotation conflicts --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "day,login,name,desk,conflict,where,zone_team" "the columns"
has "$OUT" "2026-12-01,a1,Anna Abgeordnet,N1,away,Finanzministerium NRW,Referat 11" "the booking on a secondment day is listed"
hasnt "$OUT" "2026-11-30" "the day before the secondment fits"

# An inside secondment: c1 to Referat 12 for December; a desk booked in
# Referat 11's zone while still there no longer fits.
expect_ok "c1 books N3 on 14 Dec" book 2026-12-14 N3 --for c1
expect_ok "c1 seconded to Referat 12" assign c1 "Referat 12" --kind secondment --from 2026-12-07 --until 2026-12-31
hasnt "$ERR" "consent" "not quite a month inside: no consent"
hasnt "$ERR" "Personalrat" "and no staff council"
expect_ok "the conflicts from 7 Dec" rotation conflicts --from 2026-12-07 --format csv
has "$OUT" "2026-12-14,c1,Clara Wechsel,N3,other-team,Referat 12,Referat 11" "the desk in the old zone is listed"
hasnt "$OUT" "2026-12-01" "--from leaves out the days before"
expect_ok "the conflicts of Referat 12" rotation conflicts --team "Referat 12" --format csv
has "$OUT" "c1" "by the team the person is in"
hasnt "$OUT" "a1" "not those of others"
expect_ok "the table" rotation conflicts --wide
has "$OUT" "another team's zone" "said for people"
has "$OUT" "seconded away" "both kinds"
HOP_USER=b1 expect_fail "an employee asking for a team" ! rotation conflicts --team "Referat 11"
has "$ERR" "shown to its lead, HR and admins" "refused, saying who may"
HOP_USER=a1 expect_ok "an employee sees their own" rotation conflicts --format csv
has "$OUT" "a1," "their own booking"
hasnt "$OUT" "c1," "not others'"
HOP_USER=l11 expect_ok "the lead of Referat 11" rotation secondments --format csv
has "$OUT" "a1," "sees the secondment from their team"
HOP_USER=l12 expect_ok "the lead of Referat 12" rotation secondments --format csv
has "$OUT" "c1,Clara Wechsel,Referat 11,Referat 12,,2026-12-07,2026-12-31,1,no,no" "sees the one into their team, from Referat 11"
hasnt "$OUT" "a1," "not the one from Referat 11 outside"

# ---- team days: inside, the secondment makes c1 the host team's (X-2) ----
expect_ok "c1 plans the office on Wednesdays" presence default wed=office --for c1
expect_ok "Referat 12's team day suggestion in December" teamday suggest "Referat 12" --week 2026-12-09
has "$OUT" "3 members" "c1 counts among Referat 12's members"
has "$OUT" "Wed 9 Dec 2026: 1 of 3 plan office" "and her office day counts for Referat 12"
expect_ok "Referat 12 in November" teamday suggest "Referat 12" --week 2026-11-25
has "$OUT" "2 members" "not before the secondment"
expect_ok "Referat 11's in December" teamday suggest "Referat 11" --week 2026-12-09
hasnt "$OUT" "1 of" "nor in the home team's meanwhile"

# ---- handover: a move starts both checklists (ROT-9, ONB-14) ----
expect_ok "a handover template of Referat 11" template add "Übergabe 11" --kind handover --team "Referat 11"
has "$OUT" "added the handover template" "said as a handover template"
expect_ok "a step" template step "Übergabe 11" "Akten übergeben" --kind document --owner newhire --due -2
expect_ok "an onboarding template of Referat 12" template add "Einarbeitung 12" --team "Referat 12"
expect_ok "its step" template step "Einarbeitung 12" "Begrüßung im Referat" --kind talk --owner lead --due 0
expect_ok "the templates" template list --format csv
has "$OUT" "Übergabe 11,Referat 11,,no,2," "the handover template"
has "$OUT" ",handover" "with its kind"
has "$OUT" ",onboarding" "and the onboarding one with its"
# A station: it overlays the post (an open post still has to be ended
# before a new post begins).
expect_ok "b1 moves to Referat 12 with a handover" assign b1 "Referat 12" --kind station --from 2027-01-04 --until 2027-06-30 --handover
has "$OUT" "b1 is in Referat 12 as" "moved"
has "$OUT" "a handover checklist was started" "the handover started"
has "$OUT" "with m12 as mentor" "the onboarding with a mentor of the new team"
expect_ok "the onboarding" onboarding show b1 --format csv
has "$OUT" "Begrüßung im Referat" "from Referat 12's template"
has "$OUT" "2027-01-04" "due from the move day"
expect_ok "the handover" onboarding show b1 --handover
has "$OUT" "Handover:" "shown as a handover"
has "$OUT" "Akten übergeben" "from Referat 11's handover template"
has "$OUT" "Handover notes for the successor" "with the step every handover template starts with"
expect_ok "the handover as csv" onboarding show b1 --handover --format csv
has "$OUT" "2,2026-12-29,Akten übergeben" "due before the move, in working days"
expect_ok "the list" onboarding list --format csv
has "$OUT" ",handover" "the handover listed with its purpose"
has "$OUT" ",onboarding" "the onboarding too"
expect_ok "the list as a table" onboarding list --wide
has "$OUT" "Übergabe 11 (handover)" "the table marks the handover"
expect_ok "b1 ticks a handover step" onboarding tick b1 "Akten übergeben" --handover
has "$OUT" "handover is done" "said of the handover"
eq "$(sql "SELECT count(*) FROM onboarding_step s JOIN onboarding o ON o.id = s.onboarding_id WHERE o.purpose = 'onboarding' AND s.done_on IS NOT NULL")" "0" "the onboarding's steps are untouched"
eq "$(sql "SELECT count(*) FROM mentorship WHERE mentee_id = (SELECT id FROM person WHERE login = 'b1') AND mentor_id = (SELECT id FROM person WHERE login = 'm12')")" "1" "the mentorship is there"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'onboarding.start'")" "2" "both starts audited"
expect_ok "the handover cancelled" onboarding cancel b1 --handover --note "Wechsel abgesagt"
has "$OUT" "cancelled the handover of Bert Bleibt" "said of the handover"
expect_ok "the onboarding is still open" onboarding show b1
has "$OUT" "Begrüßung im Referat" "the onboarding stays"
eq "$(sql "SELECT state FROM onboarding WHERE purpose = 'handover'")" "cancelled" "the handover kept, cancelled"
expect_ok "c1 moves with a handover, no template of 12 left" template remove "Einarbeitung 12"
expect_ok "c1 moves" assign c1 "Referat 12" --kind station --from 2027-02-01 --until 2027-03-31 --handover
has "$OUT" "a handover checklist was started" "the handover"
hasnt "$OUT" "onboarding in the new team" "no onboarding without the team's template"
expect_fail "a handover template cannot start an onboarding" ! onboarding start l12 --template "Übergabe 11"
has "$ERR" "is a handover checklist" "refused, saying why"

# ---- German ----
export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8
expect_ok "a secondment in German" assign l12 --host "Bund: Bundesministerium des Innern" --from 2026-12-08 --until 2029-05-31
has "$ERR" "Zustimmung" "the consent in German"
has "$ERR" "Personalrat" "the staff council in German"
expect_fail "a booking in German" ! book 2026-12-09 W1 --for l12
has "$ERR" "abgeordnet" "the refusal in German"
expect_ok "the conflicts in German" rotation conflicts
has "$OUT" "Konflikt" "the table in German"

finish
