#!/bin/sh
# X-2 (issue 14): a trainee's station appears in their team's week for that
# span only.  The station overlays the post: the trainee keeps their post in
# Referat 1 throughout and is Referat 3's from 1 March to 31 May 2027 alone,
# in the week, who is in, the team days and their check, the feeds, the
# leads' rights and the rotation timeline.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "home team" team add "Referat 1"
expect_ok "station team" team add "Referat 3"
expect_ok "site" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone of Referat 1" zone add Haus "1. OG" Nord --team "Referat 1"
expect_ok "zone of Referat 3" zone add Haus "1. OG" Sued --team "Referat 3"
expect_ok "desk in Nord" desk add 1.01 --zone Nord
expect_ok "desk in Sued" desk add 3.01 --zone Sued
expect_ok "colleague in Referat 3" person add r3 --name "Rita Drei" --team "Referat 3" --start 2020-01-01
expect_ok "lead of Referat 1" person add chef1 --name "Clara Eins" --team "Referat 1" --roles employee,lead --start 2020-01-01
expect_ok "lead of Referat 3" person add chef3 --name "Carl Drei" --team "Referat 3" --roles employee,lead --start 2020-01-01
expect_ok "Referat 1 led" team edit "Referat 1" --lead chef1
expect_ok "Referat 3 led" team edit referat-3 --lead chef3
expect_ok "trainee with a post in Referat 1" person add azubi --name "Anton Azubi" --team "Referat 1" --start 2026-09-01
expect_ok "station in Referat 3 while the post runs" assign azubi referat-3 --from 2027-03-01 --until 2027-05-31 --kind station
has "$OUT" "azubi is in Referat 3 as station from 2027-03-01 to 2027-05-31" "assign says what it did, naming the team by its name"
expect_ok "history" person history azubi --format csv
has "$OUT" "Referat 1,referat-1,post,2026-09-01," "the post stays open"
has "$OUT" "Referat 3,referat-3,station,2027-03-01,2027-05-31" "the station overlays it"
eq "$(sql "SELECT count(*) FROM membership WHERE person_id = (SELECT id FROM person WHERE login = 'azubi') AND kind = 'post'")" "1" "the post was not cut"
expect_fail "a second station at the same time" 5 assign azubi referat-3 --from 2027-05-01 --until 2027-06-30 --kind station

# ---- the week of the station's team: its weeks only ----
for w in 2027-W09 2027-W14 2027-W22; do
	expect_ok "week of Referat 3, $w" week --team referat-3 --week "$w"
	has "$OUT" "Anton Azubi" "Referat 3's week $w lists the trainee"
done
for w in 2027-W08 2027-W23; do
	expect_ok "week of Referat 3, $w" week --team referat-3 --week "$w"
	hasnt "$OUT" "Anton Azubi" "Referat 3's week $w does not"
done
# ---- the home team's week: before and after, not during ----
for w in 2027-W08 2027-W22 2027-W23; do
	expect_ok "week of Referat 1, $w" week --team "Referat 1" --week "$w"
	has "$OUT" "Anton Azubi" "Referat 1's week $w lists the trainee"
done
for w in 2027-W09 2027-W14 2027-W21; do
	expect_ok "week of Referat 1, $w" week --team "Referat 1" --week "$w"
	hasnt "$OUT" "Anton Azubi" "Referat 1's week $w does not"
done

# ---- who is in, day by day ----
export HOP_TODAY=2027-04-01
expect_ok "trainee books in April" book 2027-04-14 3.01 --for azubi
export HOP_TODAY=2027-05-20
expect_ok "trainee books in June" book 2027-06-02 1.01 --for azubi
expect_ok "who --team referat-3 in April" who --team referat-3 2027-04-14 --format csv
has "$OUT" "azubi" "Referat 3's on the station"
expect_ok "who --team ref1 in April" who --team "Referat 1" 2027-04-14 --format csv
hasnt "$OUT" "azubi" "not the home team's then"
expect_ok "who --team ref1 in June" who --team "Referat 1" 2027-06-02 --format csv
has "$OUT" "azubi" "the home team's again in June"
expect_ok "who --team referat-3 in June" who --team referat-3 2027-06-02 --format csv
hasnt "$OUT" "azubi" "no longer Referat 3's"

# ---- team days, their check and the feeds ----
expect_ok "Referat 1 meets on Tuesdays" teamday set "Referat 1" tue --from 2027-01-01
expect_ok "Referat 3 meets on Thursdays" teamday set referat-3 thu --from 2027-01-01
HOP_USER=azubi expect_ok "home for two weeks" presence set 2027-05-24..2027-06-04 home
expect_ok "check Referat 3" check --team referat-3 --from 2027-05-24 --to 2027-06-04 --format csv
has "$OUT" "2027-05-27,team-day" "the check: Referat 3's Thursday during the station"
hasnt "$OUT" "2027-06-03,team-day" "... not the Thursday after it"
expect_ok "check Referat 1" check --team "Referat 1" --from 2027-05-24 --to 2027-06-04 --format csv
has "$OUT" "2027-06-01,team-day" "the check: Referat 1's Tuesday after the station"
hasnt "$OUT" "2027-05-25,team-day" "... not the Tuesday during it"
expect_ok "the trainee's feed" export ics --person azubi --from 2027-05-17 --to 2027-06-11 -o "$SCRATCH/azubi.ics"
eq "$(grep -c '^SUMMARY:Team day: Referat 3' "$SCRATCH/azubi.ics")" "2" "the feed: Referat 3's two Thursdays of the station (20 and 27 May)"
eq "$(grep -c '^SUMMARY:Team day: Referat 1' "$SCRATCH/azubi.ics")" "2" "the feed: Referat 1's two Tuesdays after it (1 and 8 June)"
has "$SCRATCH/azubi.ics" "SUMMARY:Station: Referat 3" "the feed holds the station"
expect_ok "Referat 3's feed" export ics --team referat-3 --from 2027-01-01 --to 2027-12-31 -o "$SCRATCH/r3.ics"
has "$SCRATCH/r3.ics" "SUMMARY:Station of Anton Azubi" "the station's team feed holds the trainee's station"
expect_ok "Referat 1's feed" export ics --team "Referat 1" --from 2027-01-01 --to 2027-12-31 -o "$SCRATCH/r1.ics"
hasnt "$SCRATCH/r1.ics" "Station of Anton Azubi" "the home team's does not"

# ---- the leads' rights follow the team of the day ----
HOP_USER=chef3 expect_ok "Referat 3's lead on the station's last day" presence set 2027-05-31 away --for azubi
HOP_USER=chef3 expect_fail "... not after it" 4 presence set 2027-06-02 away --for azubi
HOP_USER=chef1 expect_ok "Referat 1's lead after the station" presence set 2027-06-03 away --for azubi
HOP_USER=chef1 expect_fail "... not during it" 4 presence set 2027-05-27 mobile --for azubi

# ---- the rotation timeline of the team: the station's span only ----
expect_ok "Referat 3's timeline in April" rotation timeline --team referat-3 --from 2027-04-01 --until 2027-04-30 --format csv
has "$OUT" "azubi,Anton Azubi,station,Referat 3,,2027-03-01,2027-05-31" "the station's team timeline lists the trainee during it"
expect_ok "Referat 3's timeline after" rotation timeline --team referat-3 --from 2027-06-01 --until 2027-12-31 --format csv
hasnt "$OUT" "azubi" "... and not after it"
expect_ok "Referat 1's timeline during the station" rotation timeline --team "Referat 1" --from 2027-04-01 --until 2027-04-30 --format csv
hasnt "$OUT" "azubi" "the home team's timeline does not list them while away all the span"
expect_ok "Referat 1's timeline over the year" rotation timeline --team "Referat 1" --from 2027-01-01 --until 2027-12-31 --format csv
has "$OUT" "azubi,Anton Azubi,post,Referat 1" "... and does over a span with days at home"

expect_ok "the chart of 2027" rotation timeline azubi --chart --from 2027-01-01 --until 2027-12-31
has "$OUT" "Anton Azubi       ==SS|=======" "the chart: post, the station March to May (today in May), post again"
HOP_USER=r3 expect_fail "a colleague may not see the trainee's timeline" 4 rotation timeline azubi
has "$ERR" "Anton Azubi" "the refusal names the person"
HOP_USER=azubi expect_ok "the trainee sees their own" rotation timeline
has "$OUT" "Anton Azubi (azubi)" "their own timeline by default"
expect_fail "one of LOGIN, --team, --cohort" 2 rotation timeline azubi --team referat-3

finish
