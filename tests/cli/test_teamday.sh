#!/bin/sh
# The team of a person on a day, everywhere (X-2): a trainee's station in
# "Referat 3" from 1 March to 31 May 2027, made with 'hop assign', shows in
# 'hop who --team', in the team's week from the first day, and not before; its
# presence days, the office agreement check, its feed and the leads' rights follow
# the team it is in on each day.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "home team" team add "Referat 1"
expect_ok "station team" team add "Referat 3"
expect_ok "site" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone of Referat 1" zone add Haus "1. OG" Nord --team "Referat 1"
expect_ok "zone of Referat 3" zone add Haus "1. OG" Sued --team "Referat 3"
expect_ok "desk in Nord" desk add 1.01 --zone Nord
expect_ok "desk in Sued" desk add 3.01 --zone Sued
expect_ok "desk in Sued" desk add 3.02 --zone Sued
expect_ok "colleague in Referat 3" person add r3 --name "Rita Drei" --team "Referat 3" --start 2020-01-01
expect_ok "trainee without a team" person add azubi --name "Anton Azubi" --start 2027-01-04
expect_ok "home post" assign azubi "Referat 1" --from 2027-01-04 --until 2027-02-28
expect_ok "station in Referat 3" assign azubi referat-3 --from 2027-03-01 --until 2027-05-31 --kind station
has "$OUT" "azubi is in Referat 3 as station from 2027-03-01 to 2027-05-31" "assign says what it did, naming the team by its name"
expect_ok "back home" assign azubi "Referat 1" --from 2027-06-01
expect_fail "an overlapping station" 5 assign azubi referat-3 --from 2027-05-01 --kind station
expect_ok "history" person history azubi --format csv
has "$OUT" "Referat 3,referat-3,station,2027-03-01,2027-05-31" "the history shows the station"
expect_fail "assign needs --from" 2 assign azubi referat-3

# ---- who is in: the team on that day ----
export HOP_TODAY=2027-04-01
expect_ok "trainee books in April" book 2027-04-14 3.01 --for azubi
export HOP_TODAY=2027-05-20
expect_ok "trainee books in June" book 2027-06-02 1.01 --for azubi
expect_ok "who --team referat-3 in April" who --team referat-3 2027-04-14 --format csv
has "$OUT" "azubi" "the trainee is Referat 3's on their station"
expect_ok "who --team ref1 in April" who --team "Referat 1" 2027-04-14 --format csv
hasnt "$OUT" "azubi" "... and not their home team's then"
expect_ok "who --team ref1 in June" who --team "Referat 1" 2027-06-02 --format csv
has "$OUT" "azubi" "back in the home team in June"
expect_ok "who --team referat-3 in June" who --team referat-3 2027-06-02 --format csv
hasnt "$OUT" "azubi" "... and no longer Referat 3's"

# ---- the week: members from their first day ----
expect_ok "week of Referat 3 in April" week --team referat-3 --week 2027-04-14
has "$OUT" "Anton Azubi" "the week of Referat 3 lists the trainee"
expect_ok "week of Referat 1 in April" week --team "Referat 1" --week 2027-04-14
hasnt "$OUT" "Anton Azubi" "the home team's week does not"
expect_ok "week of the station's start" week --team referat-3 --week 2027-W09
has "$OUT" "Anton Azubi" "the week the station begins lists the trainee"
expect_ok "week of Referat 1 ending the post" week --team "Referat 1" --week 2027-W09
hasnt "$OUT" "Anton Azubi" "2027-W09 begins on 1 March: no day in the home team"
expect_ok "week before the station" week --team referat-3 --week 2027-W08
hasnt "$OUT" "Anton Azubi" "the week before the station does not"

# ---- ONB-9: a new hire's first weeks default to the office ----
export HOP_TODAY=2026-11-23
expect_ok "a default template" template add Standard --default
expect_ok "a step" template step Standard "Begrüßung" --owner lead --due 0
expect_ok "new hire" person add neu --name "Nina Neu" --team "Referat 1" --start 2026-12-01
expect_ok "onboarding" onboarding start neu
expect_ok "first week" presence show --person neu --week 2026-W49 --format csv
has "$OUT" "2026-11-30,,,," "the day before the start: nothing"
has "$OUT" "2026-12-01,office,onboarding,," "the first day: office, from the onboarding"
has "$OUT" "2026-12-04,office,onboarding,," "the first Friday too"
expect_ok "a weekly default wins" presence default thu=home --for neu
expect_ok "a day's entry wins" presence set 2026-12-02 mobile --for neu
expect_ok "first week again" presence show --person neu --week 2026-W49 --format csv
has "$OUT" "2026-12-02,mobile,day,," "the entry wins"
has "$OUT" "2026-12-03,home,default,," "the default wins"
has "$OUT" "2026-12-01,office,onboarding,," "the rest stays office"
expect_ok "after four weeks" presence show --person neu --week 2026-W53 --format csv
has "$OUT" "2026-12-28,office,onboarding,," "the last day of the fourth week is still office"
has "$OUT" "2026-12-29,,,," "four weeks after the start it ends"
expect_ok "the fifth week" presence show --person neu --week 2027-W01 --format csv
has "$OUT" "2027-01-04,,,," "the fifth week is not"
expect_ok "the team's week" week --team "Referat 1" --week 2026-W49
has "$OUT" "Nina Neu" "the week lists the new hire"
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 "$HOP" presence show --person neu --week 2026-W49 >"$OUT" 2>"$ERR"
has "$OUT" "Einarbeitung" "German: the source is the Einarbeitung"

# ---- presence days, the check, the feed and the leads' rights follow the team on each day ----
# The station in Referat 3 ends on Mon 31 May 2027; from Tue 1 June the
# trainee is back in Referat 1.  Referat 1 meets on Tuesdays, Referat 3 on Thursdays.
export HOP_TODAY=2027-05-20
expect_ok "lead of Referat 1" person add chef1 --name "Clara Eins" --team "Referat 1" --roles employee,lead --start 2020-01-01
expect_ok "lead of Referat 3" person add chef3 --name "Carl Drei" --team "Referat 3" --roles employee,lead --start 2020-01-01
expect_ok "Referat 1 led" team edit "Referat 1" --lead chef1
expect_ok "Referat 3 led" team edit referat-3 --lead chef3
expect_ok "Referat 1 meets on Tuesdays" teamday set "Referat 1" tue --from 2027-01-01
expect_ok "Referat 3 meets on Thursdays" teamday set referat-3 thu --from 2027-01-01
HOP_USER=azubi expect_ok "home for two weeks" presence set 2027-05-24..2027-06-04 home
expect_ok "the week of Referat 1 after the station" week --team "Referat 1" --week 2027-W22 --wide
has "$OUT" "Tue 1 Jun 2027 is a presence day of Referat 1, but the plan says home" "the trainee has Referat 1's presence day from the first day back"
expect_ok "the week of Referat 3 with the station's last day" week --team referat-3 --week 2027-W22
hasnt "$OUT" "presence day of Referat 3" "Referat 3's Thursday after the station is not the trainee's"
expect_ok "check Referat 1" check --team "Referat 1" --from 2027-05-24 --to 2027-06-04 --format csv
has "$OUT" "2027-06-01,team-day" "the check: Referat 1's Tuesday after the move"
hasnt "$OUT" "2027-05-25,team-day" "... not the Tuesday before it"
expect_ok "check Referat 3" check --team referat-3 --from 2027-05-24 --to 2027-06-04 --format csv
has "$OUT" "2027-05-27,team-day" "the check: Referat 3's Thursday during the station"
hasnt "$OUT" "2027-06-03,team-day" "... not the Thursday after it"
expect_ok "the trainee's feed" export ics --person azubi --from 2027-05-24 --to 2027-06-04 -o "$SCRATCH/azubi.ics"
eq "$(grep -c '^SUMMARY:Team day: Referat 3' "$SCRATCH/azubi.ics")" "1" "the feed: Referat 3's Thursday of the station"
eq "$(grep -c '^SUMMARY:Team day: Referat 1' "$SCRATCH/azubi.ics")" "1" "the feed: Referat 1's Tuesday after it"
has "$SCRATCH/azubi.ics" "UID:teamday-" "team day events keep their UIDs"
HOP_USER=chef3 expect_ok "Referat 3's lead on the station's last day" presence set 2027-05-31 away --for azubi
HOP_USER=chef3 expect_fail "... not after it" 4 presence set 2027-06-02 away --for azubi
has "$ERR" "Anton Azubi is not in a team you lead on Wed 2 Jun 2027" "the refusal names the day"
HOP_USER=chef1 expect_ok "Referat 1's lead after the station" presence set 2027-06-02 away --for azubi
HOP_USER=chef1 expect_fail "... not during it" 4 presence set 2027-05-31 mobile --for azubi

# ---- which weekday should the team meet? ----
# Referat 5 has two desks in its zone West; the zone Flur beside it has three
# anyone may book.  A day fits when everyone not away can have a desk: one
# they booked (anywhere), else a free one in the team's zones.
export HOP_TODAY=2027-06-14
expect_ok "Referat 5" team add "Referat 5"
expect_ok "its zone" zone add Haus "2. OG" West --team "Referat 5"
expect_ok "desk 5.01" desk add 5.01 --zone West
expect_ok "desk 5.02" desk add 5.02 --zone West
expect_ok "a zone of nobody's" zone add Haus "2. OG" Flur
for d in F1 F2 F3; do "$HOP" desk add $d --zone Flur >/dev/null 2>&1 || nok "desk $d"; done
for p in "p1 Paula" "p2 Peter" "p3 Pia"; do
	"$HOP" person add ${p% *} --name "${p#* } Fünf" --team "Referat 5" --start 2020-01-01 >/dev/null 2>&1 ||
		nok "person ${p% *}"
done
expect_ok "Pia away on Monday" presence set 2027-06-21 away --for p3
expect_ok "Paula books in the zone on Tuesday" book 2027-06-22 5.01 --for p1
expect_ok "Peter books in Flur on Tuesday" book 2027-06-22 F1 --for p2
expect_ok "another team takes 5.01 on Thursday" book 2027-06-24 5.01 --for r3
expect_ok "suggest" teamday suggest "Referat 5" --week 2027-W25
eq "$(cat "$OUT")" "Referat 5 · KW 25 · 21.–25.06.2027
3 members
  Mon 21 Jun 2027: 0 of 3 plan office; 2 can come, desks for all
  Tue 22 Jun 2027: 2 of 3 plan office; 3 can come, desks for all <
  Wed 23 Jun 2027: 0 of 3 plan office; 3 can come, 1 desk short
  Thu 24 Jun 2027: 0 of 3 plan office; 3 can come, 2 desks short
  Fri 25 Jun 2027: 0 of 3 plan office; 3 can come, 1 desk short
Suggested: Tuesdays" "the day where all three can have a desk, never one short of desks"
# No day fits: the best, how many desks it lacks, and what could help.
expect_ok "Paula plans the office on 30 June" presence set 2027-06-30 office --for p1
expect_ok "suggest a week without a fit" teamday suggest "Referat 5" --week 2027-W26
eq "$(cat "$OUT")" "Referat 5 · KW 26 · 28.06.–02.07.2027
3 members
  Mon 28 Jun 2027: 0 of 3 plan office; 3 can come, 1 desk short
  Tue 29 Jun 2027: 0 of 3 plan office; 3 can come, 1 desk short
  Wed 30 Jun 2027: 1 of 3 plan office; 3 can come, 1 desk short
  Thu 1 Jul 2027: 0 of 3 plan office; 3 can come, 1 desk short
  Fri 2 Jul 2027: 0 of 3 plan office; 3 can come, 1 desk short
No day has desks for all who can come; best: Wed 30 Jun 2027, 1 desk short.
Zone Flur (2. OG) has 3 desks free that day.
Nor have the next 4 weeks: more desks in the team's zones would help." \
	"the best day, short by one desk, the zone beside it, and no later week that fits"
expect_ok "Pia away on 7 July" presence set 2027-07-07 away --for p3
expect_ok "suggest again" teamday suggest "Referat 5" --week 2027-W26
eq "$(tail -n 1 "$OUT")" "A later week fits: Wed 7 Jul 2027 has desks for all who can come." \
	"a later week where the desks suffice"
expect_ok "all three away in August" presence set 2027-08-02..2027-08-06 away --for p1
expect_ok "..." presence set 2027-08-02..2027-08-06 away --for p2
expect_ok "..." presence set 2027-08-02..2027-08-06 away --for p3
expect_ok "suggest a week nobody can come" teamday suggest "Referat 5" --week 2027-W31
eq "$(tail -n 2 "$OUT")" "  Fri 6 Aug 2027: 0 of 3 plan office; nobody can come
No suggestion: nobody can come on a working day this week." "a week nobody can come"
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 "$HOP" teamday suggest "Referat 5" --week 2027-W26 >"$OUT" 2>"$ERR"
has "$OUT" "Kein Tag mit Platz für alle; am besten: Mi 30.06.2027, es fehlt 1 Platz." \
	"German: the best day"

finish
