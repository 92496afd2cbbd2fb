#!/bin/sh
# A new hire's desk next to the mentor (ONB-10) and the team on the day booked
# (X-2): the pair sits in one zone on a shared office day, without a mentor the
# order is as before, a mentor who books later moves nobody; a person who
# changes team on a date may book the new team's desks from that date only.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "team 11" team add "Referat 11"
expect_ok "team 12" team add "Referat 12"
expect_ok "site in Berlin" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone Nord" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "zone Süd" zone add Haus "1. OG" Süd --team "Referat 11"
expect_ok "zone of team 12" zone add Haus "2. OG" West --team "Referat 12"
for d in N1 N2 N3; do expect_ok "desk $d" desk add "$d" --zone "Haus/1. OG/Nord"; done
for d in S1 S2 S3 S4 S5; do expect_ok "desk $d" desk add "$d" --zone "Haus/1. OG/Süd"; done
expect_ok "team desk W1" desk add W1 --zone "Haus/2. OG/West" --bookable team
expect_ok "mentor" person add m1 --name "Maria Eins" --team "Referat 11" --start 2015-01-05
expect_ok "colleague" person add k1 --name "Karl Kollege" --team "Referat 11" --start 2016-01-04
expect_ok "new hire" person add n1 --name "Nina Neu" --team "Referat 11" --start 2026-11-30
expect_ok "new hire without a mentor" person add n2 --name "Nils Neu" --team "Referat 11" --start 2026-11-30
printf 'template,title,kind,owner,due,default\nStart,Begrüßung,talk,lead,0,yes\n' >"$SCRATCH/t.csv"
expect_ok "a template" import templates "$SCRATCH/t.csv"
expect_ok "n1's onboarding" onboarding start n1
expect_ok "n2's onboarding" onboarding start n2
expect_ok "m1 mentors n1" mentor assign n1 m1

# ---- the pair in one zone on a shared office day ----
expect_ok "the mentor books S3" book 2026-12-01 S3 --for m1
expect_ok "n1 books any desk" book 2026-12-01 --for n1
has "$OUT" "Booked desk S2 (Haus, 1. OG, Süd) for Nina Neu" "the free desk next to the mentor's, in the mentor's zone"
has "$OUT" "Chosen next to Nina Neu's mentor Maria Eins (desk S3)." "the output says why"
HOP_USER=n1 expect_ok "n1 books herself the next day as well" book 2026-12-03
eq "$(sql "SELECT d.code FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person p ON p.id = b.person_id WHERE p.login = 'n1' AND b.day = '2026-12-03'")" "S2" "without the mentor in, the last desk"
hasnt "$OUT" "mentor" "and no word of the mentor"
expect_ok "the mentor books S5 on the 4th" book 2026-12-04 S5 --for m1
HOP_USER=n1 expect_ok "n1 books herself on the 4th" book 2026-12-04
has "$OUT" "Booked desk S4 (Haus, 1. OG, Süd) for Nina Neu" "next to the mentor beats the last desk"
has "$OUT" "Chosen next to your mentor Maria Eins (desk S5)." "said to the new hire herself"

# ---- without a mentor: the order as before ----
expect_ok "n2 books any desk" book 2026-12-01 --for n2
has "$OUT" "Booked desk N1 (Haus, 1. OG, Nord)" "no mentor: the first free desk of the team's zones"
hasnt "$OUT" "mentor" "no word of a mentor"

# ---- the mentor books after the new hire: nothing moves ----
expect_ok "n1 books the 2nd first" book 2026-12-02 S1 --for n1
expect_ok "the mentor books the 2nd after" book 2026-12-02 N3 --for m1
eq "$(sql "SELECT d.code FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person p ON p.id = b.person_id WHERE p.login = 'n1' AND b.day = '2026-12-02' AND b.cancelled_at IS NULL")" "S1" "the new hire's booking stays"

# ---- presence sets an office day: the automatic booking sits them together ----
expect_ok "the mentor books N2 on the 7th" book 2026-12-07 N2 --for m1
expect_ok "n1 in the office on the 7th" presence set 2026-12-07 office --for n1
eq "$(sql "SELECT d.code FROM booking b JOIN desk d ON d.id = b.desk_id JOIN person p ON p.id = b.person_id WHERE p.login = 'n1' AND b.day = '2026-12-07' AND b.cancelled_at IS NULL")" "N1" "the automatic booking picks the mentor's zone, next to the mentor"

# ---- after the first weeks: the usual order ----
# Four weeks from Mon 30 Nov: up to Sun 27 Dec; the 28th is the fifth week.
HOP_TODAY=2026-12-14 expect_ok "the mentor books S3 after the office weeks" book 2026-12-28 S3 --for m1
HOP_TODAY=2026-12-14 expect_ok "n1 books any desk then" book 2026-12-28 --for n1
hasnt "$OUT" "mentor" "after onboarding_office_weeks the mentor's desk no longer counts"

# ---- the team on the day booked: a team desk of the new team ----
# A move takes effect on the day it is made: made on 7 Dec (as seen from then).
HOP_TODAY=2026-12-07 expect_ok "k1 moves to Referat 12 on 2026-12-07" person edit k1 --team "Referat 12"
expect_ok "today, k1 is still in Referat 11" person show k1 --format csv
has "$OUT" "Referat 11" "person.team_id is today's team"
HOP_USER=k1 expect_fail "before the move, W1 is another team's desk" 4 book 2026-12-04 W1
has "$ERR" "can be booked only by members of team Referat 12" "refused in the team rule's words"
HOP_USER=k1 expect_ok "from the move on, W1 is k1's team's desk" book 2026-12-07 W1
HOP_USER=k1 expect_ok "near the team on the 8th: the new team's zone" book 2026-12-08 --near-team
has "$OUT" "Booked desk W1 (Haus, 2. OG, West)" "--near-team looks in the zones of the team on that day"
HOP_USER=k1 expect_ok "near the team on the 4th: the old team's zones" book 2026-12-04 --near-team
has "$OUT" "(Haus, 1. OG, " "before the move, the old team's zones"
expect_ok "bookings of team 12" bookings --team "Referat 12" --from 2026-12-01 --to 2026-12-31 --format csv
has "$OUT" "2026-12-07,day,W1" "the team's bookings from the move"
hasnt "$OUT" "2026-12-04" "not those before it"
expect_ok "who is in on the 4th" who 2026-12-04 --format csv
has "$OUT" "Karl Kollege,k1,Referat 11," "who names the team of that day"
expect_ok "who is in on the 8th" who 2026-12-08 --format csv
has "$OUT" "Karl Kollege,k1,Referat 12," "and the new one after the move"
# After the move the old team's team-only desks are closed to k1, although
# today's record still names the old team; the old lead books for k1 only
# on days before the move.
expect_ok "team desk N9 of Referat 11" desk add N9 --zone "Haus/1. OG/Nord" --bookable team
HOP_USER=k1 expect_fail "after the move, the old team's desk is closed" 4 book 2026-12-09 N9
has "$ERR" "can be booked only by members of team Referat 11" "in the team rule's words"
HOP_USER=k1 expect_ok "before it, it is open" book 2026-12-03 N9
expect_ok "a lead of Referat 11" person add l11 --name "Lea Leitung" --team "Referat 11" --roles employee,lead
expect_ok "who leads it" team edit "Referat 11" --lead l11
HOP_USER=l11 expect_fail "the old lead may not book for k1 after the move" 4 book 2026-12-10 --any --for k1
has "$ERR" "Karl Kollege is not in a team you lead on Thu 10 Dec 2026" "the day is named"
HOP_USER=l11 expect_ok "but before it" book 2026-12-02 --any --for k1

# ---- German ----
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	expect_ok "the mentor books S3 on the 9th" book 2026-12-09 S3 --for m1
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_ok "German: n1 books any desk" book 2026-12-09 --for n1
	has "$OUT" "Maria Eins" "German: the mentor is named"
	has "$OUT" "Pate/Patin" "German: the reason in German"
else
	skip "German: no de_DE.UTF-8 locale"
fi
finish
