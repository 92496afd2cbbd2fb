#!/bin/sh
# Trainee cohorts through the binary: a hand-made plan with one station over
# capacity in one month yields exactly that violation; a generated plan
# passes 'check --plan'; an impossible cohort is explained in its own words
# and exits non-zero; bad input names what to fix and changes nothing;
# publishing makes stations that count for the team only on their days;
# publishing a change keeps the history the trainee sees; German.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
# as LOGIN CMD...: run a test helper acting as LOGIN
as() { HOP_USER=$1; export HOP_USER; shift; "$@"; HOP_USER=tester; export HOP_USER; }
C="Anwärter 2027"

expect_ok "init" init --name "Tess Ter"
for t in Ausbildung Bürgerservice Personal Haushalt; do
	expect_ok "team $t" team add "$t"
done
expect_ok "lead" person add lena --name "Lena Lead" --team Ausbildung --roles employee,lead --start 2020-01-01
expect_ok "lead of Personal" team edit Personal --lead lena
for p in anna bert cora; do
	expect_ok "trainee $p" person add $p --name "Trainee $p" --team Ausbildung --start 2026-09-01
done
expect_ok "otto" person add otto --name "Otto Ober" --team Haushalt --start 2015-01-01

# ---- the model ----
expect_ok "a cohort" cohort add "$C" --start 2027-01-01 --months 7 --trainees anna,bert
has "$OUT" "Cohort Anwärter 2027 added with 2 trainees." "the cohort is added"
expect_ok "a trainee more" cohort trainee "$C" cora
expect_ok "Bürgerservice, one at a time" cohort station "$C" Bürgerservice --months 2 --min 0 --max 1
expect_ok "Personal" cohort station "$C" Personal --months 2 --max 2
expect_ok "Haushalt" cohort station "$C" Haushalt --months 2 --max 2

before=$(dump)
expect_fail "a station longer than the cohort" 1 cohort station "$C" Personal --months 8 --max 1
has "$ERR" "station Personal lasts 8 months, longer than cohort Anwärter 2027 (7 months)" "says so"
expect_fail "a minimum above the maximum" 1 cohort station "$C" Personal --months 2 --min 3 --max 2
has "$ERR" "station Personal: the minimum of 3 trainees at a time is above the maximum of 2" "says so"
expect_fail "an unknown team" 3 cohort station "$C" Nirgendwo --months 2 --max 1
has "$ERR" "there is no team 'Nirgendwo'" "names the team"
expect_fail "an unknown trainee" 3 cohort trainee "$C" zed
has "$ERR" "there is no person with the login 'zed'" "names the login"
expect_fail "after no station of the cohort" 1 cohort station "$C" Personal --months 2 --max 2 --after Ausbildung
has "$ERR" "station Personal cannot come after Ausbildung: cohort Anwärter 2027 has no station there" "says so"
expect_fail "a block outside" 1 cohort block "$C" --from 2026-12-01 --until 2027-01-15
has "$ERR" "the block from 2026-12-01 to 2027-01-15 lies outside cohort Anwärter 2027, which runs from 2027-01-01 to 2027-07-31" "says so"
expect_fail "the same name again" 5 cohort add "anwärter 2027" --start 2027-01-01 --months 7
has "$ERR" "there is already a cohort 'Anwärter 2027'" "says so"
as otto expect_fail "an employee may not" 4 cohort station "$C" Personal --months 2 --max 2
has "$ERR" "only HR or an admin can keep trainee cohorts and their plans" "says so"
eq "$(dump)" "$before" "the refusals changed nothing"

expect_ok "list" cohort list --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "name,start,months,trainees,stations,blocks,places,plan,published_at" "the list's csv columns"
has "$OUT" "Anwärter 2027,2027-01-01,7,3,3,0,0,none," "the cohort with its counts"

# ---- a hand-made plan: one station over capacity in one month ----
cat >"$SCRATCH/hand.csv" <<'EOF'
login;team;from;until
anna;Bürgerservice;2027-01-01;2027-02-28
anna;Personal;2027-03-01;2027-04-30
anna;Haushalt;2027-05-01;2027-06-30
bert;Bürgerservice;01.02.2027;31.03.2027
bert;Haushalt;01.04.2027;31.05.2027
bert;Personal;01.06.2027;31.07.2027
cora;Personal;2027-01-01;2027-02-28
cora;Bürgerservice;2027-04-01;2027-05-31
cora;Haushalt;2027-06-01;2027-07-31
EOF
expect_fail "the hand-made plan fails" 1 rotation check "$C" --plan "$SCRATCH/hand.csv"
eq "$(wc -l <"$OUT" | tr -d ' ')" "1" "exactly one violation"
has "$OUT" "Bürgerservice has too many trainees in 2027-02: 2 (anna, bert), at most 1" "that violation, in the cohort's words"
expect_fail "as csv" 1 rotation check "$C" --plan "$SCRATCH/hand.csv" --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "kind,login,team,month,violation" "the check's csv columns"
has "$OUT" "over_max,,Bürgerservice,2027-02," "kind, station and month"
expect_fail "a failing plan is not saved" 1 rotation check "$C" --plan "$SCRATCH/hand.csv" --save
eq "$(sql "SELECT count(*) FROM cohort_plan")" "0" "nothing stored"

# ---- bad files name the file and the line ----
printf 'login,team,from,until\nanna,Bürgerservice,2027-01-01,2027-02-28\nzed,Personal,2027-03-01,2027-04-30\n' >"$SCRATCH/bad1.csv"
expect_fail "an unknown trainee in the file" 1 rotation check "$C" --plan "$SCRATCH/bad1.csv"
has "$ERR" "bad1.csv:3: 'zed' is not a trainee of cohort Anwärter 2027" "file and line"
printf 'login,team,from,until\nanna,Rathaus,2027-01-01,2027-02-28\n' >"$SCRATCH/bad2.csv"
expect_fail "an unknown station in the file" 1 rotation check "$C" --plan "$SCRATCH/bad2.csv"
has "$ERR" "bad2.csv:2: cohort Anwärter 2027 has no station in 'Rathaus'; its stations are: Bürgerservice, Personal, Haushalt" "file, line and the stations"
printf 'login,team,from,until\nanna,Personal,2027-01-01,31.02.2027\n' >"$SCRATCH/bad3.csv"
expect_fail "a bad date in the file" 1 rotation check "$C" --plan "$SCRATCH/bad3.csv"
has "$ERR" "bad3.csv:2: until: '31.02.2027' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY" "file, line and the date"

# ---- a generated plan passes the check ----
expect_ok "generate" rotation plan "$C" --format csv
cp "$OUT" "$SCRATCH/gen.csv"
eq "$(sed -n 1p "$SCRATCH/gen.csv" | tr -d '\r')" "login,team,from,until" "the plan's csv columns"
eq "$(sed 1d "$SCRATCH/gen.csv" | wc -l | tr -d ' ')" "9" "a row per trainee and station"
has "$ERR" "outcome: optimal" "the outcome on standard error"
expect_ok "the generated plan passes" rotation check "$C" --plan "$SCRATCH/gen.csv" --save
has "$OUT" "The plan of cohort Anwärter 2027 is valid (9 places)." "valid"
expect_ok "the stored plan passes" rotation check "$C"
expect_ok "a general cohort (a first station) by the solver" cohort add "Mit Stammdienststelle" --start 2027-01-01 --months 7 --trainees anna,bert,cora
expect_ok "home unit first" cohort station "Mit Stammdienststelle" Ausbildung --months 1 --first --max 3
for t in Bürgerservice Personal Haushalt; do
	expect_ok "station $t" cohort station "Mit Stammdienststelle" $t --months 2 --max 1
done
expect_ok "solved" rotation plan "Mit Stammdienststelle" --time-limit 30 --format csv
cp "$OUT" "$SCRATCH/mip.csv"
has "$ERR" "integer programming" "by the solver"
expect_ok "which passes the check" rotation check "Mit Stammdienststelle" --plan "$SCRATCH/mip.csv"

# ---- an impossible cohort is explained in its own words ----
expect_ok "a tight cohort" cohort add "Zu eng" --start 2027-01-01 --months 4 --trainees anna,bert,cora
expect_ok "one at a time for 3 months" cohort station "Zu eng" Bürgerservice --months 3 --max 1
expect_fail "no plan" 1 rotation plan "Zu eng" --format csv
has "$ERR" "station Bürgerservice takes 1 at a time, 3 trainees need 3 months there within 4 months" "why, in the cohort's words"
has "$ERR" "outcome: no plan possible" "the outcome"

# ---- publishing ----
cat >"$SCRATCH/valid.csv" <<'EOF'
login,team,from,until
anna,Bürgerservice,2027-01-01,2027-02-28
anna,Personal,2027-03-01,2027-04-30
anna,Haushalt,2027-05-01,2027-06-30
bert,Personal,2027-01-01,2027-02-28
bert,Haushalt,2027-03-01,2027-04-30
bert,Bürgerservice,2027-05-01,2027-06-30
cora,Haushalt,2027-01-01,2027-02-28
cora,Bürgerservice,2027-03-01,2027-04-30
cora,Personal,2027-05-01,2027-06-30
EOF
expect_ok "a plan by hand, stored" rotation check "$C" --plan "$SCRATCH/valid.csv" --save
expect_fail "publishing asks without --yes" 2 rotation publish "$C"
expect_ok "publish" rotation publish "$C" --yes
has "$OUT" "9 stations added, 0 changed, 0 removed, 0 unchanged" "every place a station"
eq "$(sql "SELECT count(*) FROM membership m JOIN cohort c ON c.id = m.cohort_id WHERE m.kind = 'station' AND c.name = 'Anwärter 2027'")" "9" "nine station memberships of the cohort"
expect_ok "cohort list" cohort list --format csv
has "$OUT" "Anwärter 2027,2027-01-01,7,3,3,0,9,published,2026-11-23" "published"
# anna is in Bürgerservice's week during her station, and not after it.
expect_ok "Bürgerservice's week in January" week --team Bürgerservice --week 2027-W02 --format csv
has "$OUT" "anna" "anna is in Bürgerservice's week during her station"
expect_ok "Ausbildung's week in January" week --team Ausbildung --week 2027-W02 --format csv
hasnt "$OUT" "anna" "and not in her home unit's"
expect_ok "Bürgerservice's week in March" week --team Bürgerservice --week 2027-W10 --format csv
hasnt "$OUT" "anna" "not after her station"
has "$OUT" "cora" "cora is there then"
expect_ok "publishing again changes nothing" rotation publish "$C" --yes
has "$OUT" "0 stations added, 0 changed, 0 removed, 9 unchanged" "all unchanged"

# ---- a change published again: the history the trainee sees ----
sed -e 's/^anna,Personal,2027-03-01,2027-04-30/anna,Personal,2027-05-01,2027-06-30/' \
    -e 's/^anna,Haushalt,2027-05-01,2027-06-30/anna,Haushalt,2027-03-01,2027-04-30/' \
	"$SCRATCH/valid.csv" >"$SCRATCH/changed.csv"
expect_ok "the changed plan, stored" rotation check "$C" --plan "$SCRATCH/changed.csv" --save
expect_ok "republish" rotation publish "$C" --yes
has "$OUT" "0 stations added, 2 changed, 0 removed, 7 unchanged" "two stations moved"
as anna expect_ok "anna's history as anna" rotation history --trainee self --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "cohort,login,team,old_from,old_until,new_from,new_until,changed_at,changed_by" "the history's csv columns"
has "$OUT" "Anwärter 2027,anna,Personal,2027-03-01,2027-04-30,2027-05-01,2027-06-30," "her moved station is in her history"
eq "$(sql "SELECT CAST(min(seq) > 0 AS integer) FROM membership m JOIN person p ON p.id = m.person_id WHERE p.login = 'anna' AND m.kind = 'station' AND m.team_id <> (SELECT id FROM team WHERE name = 'Bürgerservice')")" "1" "their SEQUENCE grew"
expect_ok "Haushalt's week in March" week --team Haushalt --week 2027-W10 --format csv
has "$OUT" "anna" "anna is in Haushalt in March now"
as anna expect_fail "another trainee's history" 4 rotation history --trainee bert
has "$ERR" "only Trainee bert, HR or an admin can see Trainee bert's station plan and its changes" "refused"
as anna expect_fail "a whole cohort's history is HR's" 4 rotation history "$C"
as lena expect_ok "a lead sees the places in the team" cohort show "$C" --format csv
eq "$(sed 1d "$OUT" | cut -d, -f2 | sort -u)" "Personal" "only Personal's places"
as bert expect_ok "a trainee sees their own" cohort show "$C" --format csv
eq "$(sed 1d "$OUT" | cut -d, -f1 | sort -u)" "bert" "only bert's places"
as otto expect_fail "others see nothing" 4 cohort show "$C"

# ---- handover: the onboarding engine for each station that begins ----
expect_ok "dora" person add dora --name "Dora Dorn" --team Ausbildung --start 2026-09-01
expect_ok "an onboarding template of Personal" template add "Einarbeitung Personal" --team Personal
expect_ok "a handover template" template add "Übergabe" --kind handover --default
expect_ok "a cohort of one" cohort add "Einzeln" --start 2027-01-01 --months 2 --trainees dora
expect_ok "its station" cohort station "Einzeln" Personal --months 2 --max 1
printf 'login,team,from,until\ndora,Personal,2027-01-01,2027-02-28\n' >"$SCRATCH/one.csv"
expect_ok "its plan" rotation check "Einzeln" --plan "$SCRATCH/one.csv" --save
expect_ok "publish with handover" rotation publish "Einzeln" --handover --yes
has "$OUT" "1 onboarding started in a new team." "an onboarding in the new team"
eq "$(sql "SELECT count(*) FROM onboarding o JOIN person p ON p.id = o.person_id JOIN team t ON t.id = o.team_id WHERE p.login = 'dora' AND o.purpose = 'onboarding' AND t.name = 'Personal'")" "1" "dora's onboarding in Personal"
eq "$(sql "SELECT count(*) FROM onboarding o JOIN person p ON p.id = o.person_id WHERE p.login = 'dora' AND o.purpose = 'handover'")" "1" "and a handover for the post she leaves"

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8
	expect_fail "German: a station longer than the cohort" 1 cohort station "$C" Personal --months 9 --max 1
	has "$ERR" "Die Ausbildungsstation Personal dauert 9 Monate, länger als der Ausbildungsjahrgang Anwärter 2027 (7 Monate)" "in German"
	expect_fail "German: the hand-made plan" 1 rotation check "$C" --plan "$SCRATCH/hand.csv"
	has "$ERR" "Verstoß im Stationsplan" "the count in German"
	expect_fail "German: the impossible cohort" 1 rotation plan "Zu eng"
	has "$ERR" "kein Stationsplan für den Ausbildungsjahrgang Zu eng erfüllt alle Bedingungen" "in German"
	export LC_ALL=C.UTF-8 LANG=C.UTF-8
else
	skip "the locale de_DE.UTF-8 is not installed"
fi

finish
