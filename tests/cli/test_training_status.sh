#!/bin/sh
# Requirements, status and reports through the binary: the csv columns, the
# safety instruction due on a new hire's first working day, data protection
# due the day before the first home day, the mobile-work gate warning and
# refusing, who may see what, bad input changing nothing, German messages.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
# col CSVFILE KEYCOL KEY COL: the value of COL in the row whose KEYCOL is KEY
col() {
	tr -d '\r' <"$1" | awk -F, -v k="$2" -v key="$3" -v c="$4" '
		NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
		$h[k] == key { print $h[c]; exit }'
}

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "other team" team add "Referat 12"
expect_ok "site in Berlin" site add "Haus" --region BE
expect_ok "zone" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "lead" person add chef --name "Carla Chef" --team "Referat 11" --start 2010-01-04
expect_ok "lead of the team" team edit "Referat 11" --lead chef
expect_ok "anna" person add anna --name "Anna Alt" --team "Referat 11" --start 2015-01-05
expect_ok "otto" person add otto --name "Otto Ander" --team "Referat 12" --start 2015-01-05
expect_ok "new hire" person add nina --name "Nina Neu" --team "Referat 11" --start 2027-01-01
expect_ok "course SI" course add SI --title "Sicherheitsunterweisung" --validity 12
expect_ok "course DS" course add DS --title "Datenschutz" --validity 24
expect_ok "course ITS" course add ITS --title "IT-Sicherheit" --validity 12

# ---- requirements ----
expect_ok "require SI of all at the start" training require SI --all --interval 12 --grace 0 --trigger start --from 2026-01-01
has "$OUT" "Requirement 1: SI is required." "the requirement's id is printed"
expect_ok "require DS before mobile work" training require DS --all --trigger mobile
expect_ok "require ITS of the team" training require ITS --team "Referat 11" --grace 14
expect_ok "list requirements" training requirements --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "id,course,title,scope,for,interval,anchor,grace,warn,trigger,from,until,ended" "the requirements' csv columns"
eq "$(col "$OUT" course ITS for)" "referat-11" "the team requirement names its team"

# ---- the safety instruction on the first working day (1 Jan is a holiday) ----
expect_ok "nina's status" training status nina --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "course,title,status,due,valid_until,last_done" "the status csv columns"
eq "$(col "$OUT" course SI due)" "2027-01-04" "the safety instruction is due on the first working day"
eq "$(col "$OUT" course SI status)" "new" "more than the warning days ahead: new"
eq "$(col "$OUT" course DS status)" "new" "no home day planned: data protection not due yet"
eq "$(col "$OUT" course DS due)" "" "and without a due day"

# ---- data protection due the day before the first home day ----
expect_ok "anna plans home on 03.02.2027" presence set 2027-02-03 home --for anna
expect_ok "anna's status" training status anna --format csv
eq "$(col "$OUT" course DS due)" "2027-02-02" "data protection is due on 02.02.2027"
eq "$(col "$OUT" course ITS due)" "2026-12-07" "the team's course is due after its grace days"
eq "$(col "$OUT" course ITS status)" "due" "within the warning days: due"
expect_ok "a record for ITS" training record anna ITS --on 2026-11-20
expect_ok "anna's status again" training status anna --format csv
eq "$(col "$OUT" course ITS status)" "valid" "done: valid"
eq "$(col "$OUT" course ITS valid_until)" "2027-11-19" "valid through the day before a year later"
eq "$(col "$OUT" course ITS last_done)" "2026-11-20" "the last completion"

# ---- reports ----
expect_ok "overdue" training overdue --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "login,name,course,title,status,due,valid_until,last_done,days" "the overdue csv columns"
has "$OUT" "chef,Carla Chef,SI" "the lead's instruction is overdue"
hasnt "$OUT" "nina" "the new hire is not overdue"
expect_ok "overdue of a team" training overdue --team "Referat 12" --format csv
has "$OUT" "otto,Otto Ander,SI" "the other team's member"
hasnt "$OUT" "anna" "only that team"
expect_ok "expiring within a year" training expiring --within 365 --format csv
has "$OUT" "anna,Anna Alt,ITS,IT-Sicherheit,valid,2027-11-19,2027-11-19,2026-11-20,361" "expiring within the days asked, with the days left"
expect_ok "expiring within 30 days" training expiring --within 30 --format csv
hasnt "$OUT" "anna" "not within 30 days"
expect_ok "coverage" training coverage --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "course,title,required,valid,share_valid,overdue,expiring,exempt,due,new" "the coverage csv columns"
eq "$(col "$OUT" course ITS required)" "3" "ITS applies to the team's three people (the new hire counted in the team she joins)"
eq "$(col "$OUT" course ITS valid)" "1" "one of them valid"
eq "$(col "$OUT" course ITS share_valid)" "33.3" "the share valid"
expect_ok "coverage as json" training coverage --format json
has "$OUT" '"course": "SI"' "json names the course"

# ---- exemptions ----
expect_ok "exempt otto" training exempt otto SI --reason "Elternzeit" --until 2027-06-30
has "$OUT" "otto is exempt from SI (1 requirement)." "the exemption is confirmed"
expect_ok "otto's status" training status otto --format csv
eq "$(col "$OUT" course SI status)" "exempt" "exempt, never valid"
expect_ok "exemptions" training exemptions --format csv
has "$OUT" "otto,Otto Ander,SI,2027-06-30,Elternzeit,no" "the exemption is listed with its reason"

# ---- who may see what ----
HOP_USER=anna expect_ok "anna sees her own status" training status
HOP_USER=anna expect_fail "anna may not see otto's" 4 training status otto
has "$ERR" "only Otto Ander, their team's lead, HR or an admin can see their training status" "the refusal says who may"
HOP_USER=chef expect_ok "the lead sees a member" training status anna
HOP_USER=chef expect_ok "the lead's overdue list" training overdue --format csv
hasnt "$OUT" "otto" "a lead sees only their teams"
HOP_USER=chef expect_fail "the lead may not see another team" 4 training coverage --team "Referat 12"
HOP_USER=anna expect_ok "an employee's overdue list" training overdue --format csv
hasnt "$OUT" "chef" "an employee sees only themself"
before=$(dump)
HOP_USER=chef expect_fail "a lead may not require" 4 training require SI --all
has "$ERR" "only HR or an admin can change training requirements and exemptions" "requirements are HR's"
HOP_USER=anna expect_fail "an employee may not exempt" 4 training exempt anna SI --reason x --until 2027-01-01

# ---- bad input changes nothing ----
expect_fail "no scope" 2 training require SI
has "$ERR" "exactly one of --all, --role, --team, --site or --person" "the scope is asked for"
expect_fail "two scopes" 2 training require SI --all --team "Referat 11"
expect_fail "a bad trigger" 2 training require SI --all --trigger soon
has "$ERR" "'soon' is no trigger; use start, mobile, change or none" "the trigger words are named"
expect_fail "a bad interval" 2 training require SI --all --interval 0
expect_fail "an unknown course" 3 training require NOPE --all
expect_fail "an unknown team" 3 training require SI --team "Referat 99"
expect_fail "an exemption without a reason" 2 training exempt otto SI --until 2027-01-01
expect_fail "an exemption in the past" 1 training exempt otto SI --reason x --until 2026-01-01
expect_fail "an unknown requirement" 3 training unrequire 99
eq "$(dump)" "$before" "bad input changed nothing"

# ---- the mobile-work gate ----
mkdir -p "$XDG_CONFIG_HOME/hop"
printf '[policy]\nmobile_requires = DS\nmobile_gate = warn\n' >"$XDG_CONFIG_HOME/hop/hop.ini"
expect_ok "warn: the day is set" presence set 2027-02-04 home --for anna
has "$ERR" "warning: the training required for home or mobile work is not valid on Thu 4 Feb 2027: Datenschutz (no session with a free seat is planned)" "and the warning is printed"
eq "$(sql "SELECT location FROM presence p JOIN person x ON x.id = p.person_id WHERE x.login = 'anna' AND day = '2027-02-04'")" "home" "the home day is set"
printf '[policy]\nmobile_requires = DS\nmobile_gate = refuse\n' >"$XDG_CONFIG_HOME/hop/hop.ini"
before=$(dump)
expect_fail "refuse: no data protection, no home day" 4 presence set 2027-02-05 home --for anna
has "$ERR" "home or mobile work on Fri 5 Feb 2027 needs training that is not valid that day: Datenschutz" "the refusal names the course"
eq "$(dump)" "$before" "the refused day is not set"
expect_ok "office is not gated" presence set 2027-02-05 office --for anna
expect_ok "a record for DS" training record anna DS --on 2026-11-23
expect_ok "with the record, home is allowed" presence set 2027-02-08 home --for anna
hasnt "$ERR" "warning" "and nothing is warned"
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_fail "refused in German" 4 presence set 2027-02-09 mobile --for nina
has "$ERR" "Homeoffice oder mobile Arbeit am" "the refusal in German"

finish
