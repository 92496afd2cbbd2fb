#!/bin/sh
# Training records through the binary: validity on write (TRN-5's worked
# examples), failed and never-expiring courses, the onboarding step a record
# ticks, revoking, who may see and write, the CSV import (a bad date on line
# 7, an unknown course, an unknown login: file and line, nothing written)
# and export, German.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
until_of() {   # until_of LOGIN COURSE DAY: valid_until of the live record
	sql "SELECT coalesce(r.valid_until, '-') FROM training_record r JOIN person p ON p.id = r.person_id
	     JOIN course c ON c.id = r.course_id WHERE p.login = '$1' AND c.code = '$2'
	     AND r.done_on = '$3' AND r.revoked_at IS NULL"
}

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "HR" person add hr --name "Hanna Rat" --roles employee,hr
expect_ok "lead" person add chef --name "Carla Chef" --team "Referat 11" --roles employee,lead
expect_ok "lead of the team" team edit "Referat 11" --lead chef
expect_ok "anna" person add anna --name "Anna Berg" --team "Referat 11" --start 2020-01-02
expect_ok "bert" person add bert --name "Bert Klein" --team "Referat 11" --start 2020-01-02
expect_ok "course, 12 months" course add IT-SEC --title "IT-Sicherheit" --validity 12 --hours 2.5
expect_ok "course, never expires" course add EINF --title "Einführung"

# ---- the interface the checks use; TRN-5 exactly ----
expect_ok "record" training record anna IT-SEC --on 2026-03-10
has "$OUT" "recorded IT-SEC for Anna Berg on 2026-03-10: passed, valid until 2027-03-09 (record 1)" \
	"done 10.03.2026, 12 months: valid through 09.03.2027"
expect_fail "a day still to come" 1 training record anna IT-SEC --on 2027-01-20 --result passed
has "$ERR" "a training cannot have been done on 2027-01-20, which is still to come" "not in the future"
export HOP_TODAY=2027-02-01
expect_ok "renewal inside the window" training record anna IT-SEC --on 20.01.2027 --result passed
has "$OUT" "valid until 2028-03-09" "renewed 20.01.2027 inside 90 days: valid through 09.03.2028"
expect_ok "first of bert" training record bert IT-SEC --on 2026-03-10
expect_ok "early renewal" training record bert it-sec --on 2026-10-01 --result teilgenommen
has "$OUT" "attended, valid until 2027-09-30" "renewed 01.10.2026, before the window: re-anchored"
expect_ok "failed" training record bert IT-SEC --on 2027-01-15 --result "nicht bestanden" --note "Test"
has "$OUT" "failed, not valid (failed)" "failed: no validity"
eq "$(until_of bert IT-SEC 2027-01-15)" "-" "stored without valid_until"
expect_ok "never expires" training record bert EINF --on 2026-05-05 --hours 3 --certificate "Z-77"
has "$OUT" "valid for ever" "a course without validity"
eq "$(sql "SELECT hours_x10, certificate_no, source, created_by FROM training_record WHERE id = 6")" \
	"30|Z-77|manual|tester" "hours, certificate, source, writer"
eq "$(sql "SELECT hours_x10 FROM training_record WHERE id = 1")" "25" "hours default to the course's"

# ---- bad input: each refused, nothing changed ----
before=$(dump)
expect_fail "no day" 2 training record anna IT-SEC
has "$ERR" "give the day the training was done: --on DATE" "asks for the day"
expect_fail "bad day" 2 training record anna IT-SEC --on 2026-02-30
has "$ERR" "February 2026 has 28 days" "says why the day is wrong"
expect_fail "a word for a day" 2 training record anna IT-SEC --on gestern-abend
expect_fail "unknown result" 2 training record anna IT-SEC --on 2026-05-05 --result gut
has "$ERR" "'gut' is not a result: passed, failed or attended" "names the results"
expect_fail "hours 0" 2 training record anna IT-SEC --on 2026-05-05 --hours 0
expect_fail "hours negative" 2 training record anna IT-SEC --on 2026-05-05 --hours -2
expect_fail "unknown course" 3 training record anna NOPE --on 2026-05-05
has "$ERR" "no course with the code 'NOPE'; 'hop course list' shows the catalogue" "names the course"
expect_fail "unknown person" 3 training record nobody IT-SEC --on 2026-05-05
has "$ERR" "nobody" "names the login"
expect_fail "one operand" 2 training record anna --on 2026-05-05
has "$ERR" "give the LOGIN of the person and the CODE of the course" "asks for both"
expect_fail "the same day twice" 5 training record anna IT-SEC --on 2026-03-10
has "$ERR" "Anna Berg already has a record of IT-SEC on 2026-03-10 (number 1); revoke it first" "refuses a double"
long=$(printf '%0101d' 0)
expect_fail "certificate too long" 1 training record anna IT-SEC --on 2026-05-05 --certificate "$long"
has "$ERR" "the certificate number is 101 bytes long; the limit is 100" "names the limit"
expect_fail "unknown option" 2 training record anna IT-SEC --on 2026-05-05 --grade 1
eq "$(dump)" "$before" "nothing changed by any refusal"

# ---- who may ----
HOP_USER=anna expect_fail "an employee may not write" 4 training record anna EINF --on 2026-05-05
has "$ERR" "only HR or an admin can enter or revoke training records" "says who may"
HOP_USER=chef expect_fail "nor a lead" 4 training record anna EINF --on 2026-05-05
HOP_USER=hr expect_ok "HR may" training record anna EINF --on 2026-05-05
HOP_USER=anna expect_ok "a person sees their own" training records
has "$OUT" "IT-SEC" "their records"
HOP_USER=chef expect_fail "a lead sees no results" 4 training records anna
has "$ERR" "only Anna Berg, HR or an admin can see Anna Berg's training records" "says who may see"
HOP_USER=bert expect_fail "nor a colleague" 4 training records anna
HOP_USER=hr expect_ok "HR sees them" training records anna

# ---- history ----
run training records bert --format csv
has "$OUT" "id,course,title,done_on,result,hours,valid_until,source,certificate,note" "csv header"
has "$OUT" "5,IT-SEC,IT-Sicherheit,2027-01-15,failed,2.5,,manual,,Test" "a failed row"
has "$OUT" "6,EINF,Einführung,2026-05-05,passed,3,,manual,Z-77," "a never-expiring row"
first=$(sed -n 2p "$OUT" | cut -d, -f1)
eq "$first" "5" "newest first"
run training records bert --format json
has "$OUT" '"valid_until": null' "json: null for none"

# ---- revoke ----
before=$(dump)
expect_fail "no reason" 2 training revoke 3
has "$ERR" "say why the record is revoked: --reason TEXT" "asks for a reason"
expect_fail "not a number" 2 training revoke drei --reason x
expect_fail "unknown record" 3 training revoke 999 --reason x
has "$ERR" "no training record with the number 999" "names the number"
HOP_USER=anna expect_fail "an employee may not revoke" 4 training revoke 3 --reason x
eq "$(dump)" "$before" "nothing changed"
expect_ok "revoke" training revoke 3 --reason "falsche Person"
has "$OUT" "revoked record 3: IT-SEC of Bert Klein on 2026-03-10; it is kept. Records written after it keep the validity they were given" \
	"says that later records are not rewritten"
eq "$(until_of bert IT-SEC 2026-10-01)" "2027-09-30" "the later record keeps its validity"
eq "$(sql "SELECT revoked_by, revoke_reason FROM training_record WHERE id = 3")" "tester|falsche Person" "kept, with who and why"
expect_fail "revoke twice" 5 training revoke 3 --reason x
has "$ERR" "training record 3 was already revoked on 2027-02-01 by tester" "says when and by whom"
run training records bert --format csv
hasnt "$OUT" "2026-03-10" "a revoked record is not listed"
run training records bert --all --format csv
has "$OUT" "2027-02-01 tester: falsche Person" "--all lists it with the revocation"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'training.revoke' AND object = 'person:bert'")" "1" "audited"
expect_ok "entered again after revoking" training record bert IT-SEC --on 2026-03-10
has "$OUT" "valid until 2027-03-09" "a new record"

# ---- the onboarding step a record ticks ----
expect_ok "template" template add Std
expect_ok "course step" template step Std "IT-Sicherheit lernen" --owner newhire --due +5 --course IT-SEC
run template show Std --wide
has "$OUT" "IT-Sicherheit lernen [IT-SEC]" "the template step names its course"
expect_fail "a course for a talk" 1 template step Std "Gespräch" --owner lead --due 0 --kind talk --course IT-SEC
has "$ERR" "only a step of kind course names a course" "refused for another kind"
expect_fail "an unknown course" 3 template step Std "Kurs X" --owner hr --due 1 --course NOPE
expect_ok "new hire" person add neu --name "Nina Neu" --team "Referat 11" --start 2027-01-25
expect_ok "onboarding" onboarding start neu --template Std
expect_ok "record ticks the step" training record neu IT-SEC --on 2027-01-29
run onboarding show neu --format csv
has "$OUT" "IT-Sicherheit lernen" "the step"
eq "$(sql "SELECT done_on FROM onboarding_step WHERE title = 'IT-Sicherheit lernen'")" "2027-01-29" "done on the training's day"
expect_ok "a person's step names a course" onboarding step neu "Erste Hilfe" --owner hr --due +10 --course EINF
expect_ok "record of it" training record neu EINF --on 2027-01-30 --result attended
eq "$(sql "SELECT done_on FROM onboarding_step WHERE title = 'Erste Hilfe'")" "2027-01-30" "attended ticks too"

# ---- CSV ----
cat >"$SCRATCH/nachweise.csv" <<'EOF'
kennung;kurs;datum;ergebnis;stunden;zertifikat;notiz
anna;EINF;01.06.2025;teilgenommen;;;
bert;IT-SEC;2027-01-25;bestanden;2,5;C-9;extern
EOF
expect_ok "import dry run" import records "$SCRATCH/nachweise.csv" --dry-run
has "$OUT" "would add 2, change 0, leave 0 unchanged" "dry run counts"
expect_ok "import" import records "$SCRATCH/nachweise.csv"
eq "$(sql "SELECT count(*) FROM training_record WHERE source = 'import'")" "2" "two imported"
eq "$(until_of bert IT-SEC 2027-01-25)" "2028-01-24" "an imported renewal before the window re-anchors"
expect_ok "the same file again" import records "$SCRATCH/nachweise.csv"
has "$OUT" "added 0, changed 0, unchanged 2" "nothing twice"
cat >"$SCRATCH/bad.csv" <<'EOF'
login,course,done_on,result
anna,EINF,2026-01-01,passed
nobody,EINF,2026-01-01,passed
anna,NOPE,2026-01-01,passed
anna,EINF,2026-01-02,good
anna,EINF,2027-12-01,passed
anna,EINF,2026-13-45,passed
anna,EINF,gestern,passed
anna,EINF,2026-01-01,passed
anna,EINF,2025-06-01,failed
EOF
before=$(dump)
expect_fail "a bad file" 1 import records "$SCRATCH/bad.csv"
has "$ERR" "bad.csv:3: login: there is no person with the login 'nobody'" "line 3: unknown login"
has "$ERR" "bad.csv:4: course: no course with the code 'NOPE'" "line 4: unknown course"
has "$ERR" "bad.csv:5: result: 'good' is not a result" "line 5: bad result"
has "$ERR" "bad.csv:6: done_on: 2027-12-01 is still to come" "line 6: future"
has "$ERR" "bad.csv:7: done_on: '2026-13-45' is not a date" "line 7: a bad date"
has "$ERR" "bad.csv:8: done_on: 'gestern' is not a date" "line 8: no relative dates in files"
has "$ERR" "bad.csv:9:" "line 9: the same record twice"
has "$ERR" "bad.csv:10: anna already has a record of EINF on 2025-06-01 with the result attended; revoke it first" "line 10: another result"
has "$ERR" "nothing was imported" "nothing imported"
eq "$(dump)" "$before" "a bad file changes nothing"
printf 'login;course\nanna;EINF\n' >"$SCRATCH/noday.csv"
expect_fail "no day column" 1 import records "$SCRATCH/noday.csv"
has "$ERR" "the header has no column 'done_on'" "names the missing column"
HOP_USER=anna expect_fail "an employee may not import" 4 import records "$SCRATCH/nachweise.csv"
run export records
cp "$OUT" "$SCRATCH/export.csv"
has "$OUT" "login,course,done_on,result,hours,certificate,note,valid_until,source,id" "export header"
has "$OUT" "bert,IT-SEC,2027-01-25,passed,2.5,C-9,extern,2028-01-24,import," "an exported row"
hasnt "$OUT" "falsche" "revoked records are left out"
expect_ok "the export imports again" import records "$SCRATCH/export.csv"
has "$OUT" "added 0, changed 0" "unchanged"
expect_ok "export with revoked" export records --all
has "$OUT" ",yes" "--all marks revoked ones"
HOP_USER=anna expect_fail "an employee may not export" 4 export records

# ---- the samples import into a new database ----
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
(
	HOP_DB=$(other_db sample)
	export HOP_DB HOP_TODAY=2026-11-23
	expect_ok "sample: init" init --name "Tess Ter"
	expect_ok "sample: people" import people "$ROOT/sample-config/people.csv" --create-teams
	expect_ok "sample: courses" import courses "$ROOT/sample-config/courses.csv"
	has "$OUT" "added 6, changed 0, unchanged 0" "the sample catalogue"
	expect_ok "sample: records" import records "$ROOT/sample-config/records.csv"
	has "$OUT" "added 4, changed 0, unchanged 0" "the sample records"
	eq "$(sql "SELECT valid_until FROM training_record WHERE done_on = '2025-03-03'")" "2027-03-02" \
		"the sample certificate's validity"
	finish >/dev/null
) | grep -v '^RESULT' >"$SCRATCH/sample.out"
cat "$SCRATCH/sample.out"
T_PASS=$((T_PASS + $(grep -c '^ok' "$SCRATCH/sample.out")))
T_FAIL=$((T_FAIL + $(grep -c '^not ok' "$SCRATCH/sample.out")))

# ---- German ----
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\{0,1\}8$'; then
	export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8
	expect_ok "German: record" training record anna IT-SEC --on 2027-01-31 --result bestanden
	has "$OUT" "IT-SEC für Anna Berg am 2027-01-31 eingetragen: bestanden, gültig bis" "German output"
	expect_fail "German: unknown result" 2 training record anna IT-SEC --on 2027-01-30 --result gut
	has "$ERR" "„gut“ ist kein Ergebnis: bestanden, nicht bestanden oder teilgenommen" "German message"
	run training records anna
	has "$OUT" "Gültig bis" "German header"
	export LC_ALL=C.UTF-8 LANG=C.UTF-8
else
	skip "no German locale"
fi

finish
