#!/bin/sh
# The course catalogue through the binary: add, edit, retire, list, show;
# every rule of a course refused with a message naming what to fix and
# nothing changed; who may; the CSV import and export, all rows or none;
# German messages.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }

expect_ok "init" init --name "Tess Ter"
expect_ok "HR" person add hr --name "Hanna Rat" --roles employee,hr
expect_ok "lead" person add chef --name "Carla Chef" --roles employee,lead
expect_ok "employee" person add emp --name "Emil Mitarbeiter"
sql "INSERT INTO competence (code, name, position) VALUES ('DC1', 'Informationskompetenz', 1),
     ('DC2', 'Kommunikation', 2), ('OLD', 'Alt', 3);
     UPDATE competence SET retired_on = '2026-01-01' WHERE code = 'OLD';"

# ---- the interface the checks use ----
expect_ok "add with a validity" course add IT-SEC --title "IT-Sicherheit" --validity 12
has "$OUT" "added the course IT-SEC 'IT-Sicherheit' (in-house, valid for 12 months)" "says what was added"
eq "$(sql "SELECT validity_months, renewal_days, kind, needs_approval FROM course WHERE code = 'IT-SEC'")" \
	"12|90|inhouse|0" "stored: 12 months, the 90-day window, in-house"
expect_ok "add without validity" course add EINF --title "Einführung"
has "$OUT" "never expires" "a course without validity never expires"
eq "$(sql "SELECT CAST(validity_months IS NULL AS integer) FROM course WHERE code = 'EINF'")" "1" "stored as NULL"
expect_ok "add with everything" course add DS.2026_a --title "Datenschutz" --kind online \
	--provider "BAköV" --hours 7,5 --competences "dc1, DC2" --validity 24 --renewal 60 \
	--approval --description "Grundlagen der DSGVO"
eq "$(sql "SELECT kind, provider, hours_x10, validity_months, renewal_days, needs_approval, description FROM course WHERE code = 'DS.2026_a'")" \
	"online|BAköV|75|24|60|1|Grundlagen der DSGVO" "every field stored"
eq "$(sql_list , "SELECT k.code FROM course_competence cc JOIN competence k ON k.id = cc.competence_id JOIN course c ON c.id = cc.course_id WHERE c.code = 'DS.2026_a' ORDER BY k.code")" \
	"DC1,DC2" "competences by code, as the catalogue spells them"
expect_ok "German kind" course add UW --title "Sicherheitsunterweisung" --kind Unterweisung --validity 12
eq "$(sql "SELECT kind FROM course WHERE code = 'UW'")" "instruction" "unterweisung is instruction"

# ---- bad input: each refused, nothing changed ----
before=$(dump)
expect_fail "no title" 2 course add X1
has "$ERR" "a course needs a title: give --title" "names the title"
expect_fail "no code" 2 course add --title T
has "$ERR" "give the CODE of the course to add" "asks for the code"
expect_fail "bad character in the code" 2 course add "IT SEC" --title T
has "$ERR" "the course code 'IT SEC' may have only letters, digits, '.', '_' and '-'" "names the code's rule"
expect_fail "umlaut in the code" 2 course add "Übung" --title T
expect_fail "code too long" 2 course add ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456 --title T
has "$ERR" "the code is 33 bytes long; the limit is 32" "names the limit"
expect_fail "code taken, other case" 5 course add it-sec --title T
has "$ERR" "the code IT-SEC is already the course 'IT-Sicherheit'" "names the course that has it"
expect_fail "validity 0" 2 course add X2 --title T --validity 0x
has "$ERR" "'0x' is not a validity: 1 to 240 months, or none" "names the range"
expect_fail "validity 241" 2 course add X2 --title T --validity 241
expect_fail "validity negative" 2 course add X2 --title T --validity -3
expect_fail "validity a word" 2 course add X2 --title T --validity yearly
expect_fail "hours 0" 2 course add X2 --title T --hours 0
has "$ERR" "'0' is not a number of hours: more than 0 and at most 2000" "names the hours' range"
expect_fail "hours too many" 2 course add X2 --title T --hours 2001
expect_fail "hours in hundredths" 2 course add X2 --title T --hours 1.25
expect_fail "hours a word" 2 course add X2 --title T --hours many
expect_fail "renewal 367" 2 course add X2 --title T --renewal 367
has "$ERR" "--renewal wants a number of days from 0 to 366, not '367'" "names the window's range"
expect_fail "renewal negative" 2 course add X2 --title T --renewal -1
expect_fail "unknown kind" 2 course add X2 --title T --kind seminar
has "$ERR" "'seminar' is not a kind of course: external, online, inhouse, colloquium or instruction" "names the kinds"
expect_fail "unknown competence" 3 course add X2 --title T --competences DC1,DC9
has "$ERR" "no competence with the code 'DC9'" "names the unknown competence"
expect_fail "retired competence" 1 course add X2 --title T --competences OLD
has "$ERR" "the competence 'OLD' is retired" "a retired competence is refused"
long=$(printf '%0201d' 0)
expect_fail "title too long" 2 course add X2 --title "$long"
has "$ERR" "the title is 201 bytes long; the limit is 200" "names the title's limit"
expect_fail "--code on add" 2 course add X2 --title T --code Y
expect_fail "unknown option" 2 course add X2 --title T --colour red
eq "$(dump)" "$before" "nothing changed by any refusal"

# ---- who may ----
HOP_USER=emp expect_fail "an employee may not add" 4 course add X3 --title T
has "$ERR" "only HR or an admin can change the course catalogue" "says who may"
HOP_USER=chef expect_fail "a lead may not either" 4 course edit IT-SEC --title T
HOP_USER=hr expect_ok "HR may" course add X3 --title "Von HR"
HOP_USER=emp expect_ok "everyone may list" course list
HOP_USER=nobody expect_fail "an unregistered login may not" 4 course retire X3
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'course.add'")" "5" "every addition audited"

# ---- edit ----
expect_ok "edit" course edit IT-SEC --title "IT-Sicherheit kompakt" --validity 24 --hours 2
has "$OUT" "changed the course IT-SEC: title: IT-Sicherheit -> IT-Sicherheit kompakt; hours: (none) -> 2; validity: 12 -> 24" "says what changed"
expect_ok "edit to no validity" course edit IT-SEC --validity none
eq "$(sql "SELECT CAST(validity_months IS NULL AS integer) FROM course WHERE code = 'IT-SEC'")" "1" "none clears the validity"
expect_ok "unchanged" course edit IT-SEC --validity none
has "$OUT" "the course IT-SEC is unchanged" "an edit that changes nothing says so"
expect_fail "nothing to change" 2 course edit IT-SEC
expect_fail "unknown course" 3 course edit NOPE --title T
has "$ERR" "no course with the code 'NOPE'; 'hop course list' shows the catalogue" "names the course and the advice"
expect_fail "renamed onto another" 5 course edit EINF --code UW
expect_ok "renamed" course edit EINF --code EINF-1
eq "$(sql "SELECT count(*) FROM course WHERE code = 'EINF-1'")" "1" "the new code"
expect_ok "competences emptied" course edit DS.2026_a --competences ""
eq "$(sql "SELECT count(*) FROM course_competence")" "0" "no competences left"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'course.edit'")" "4" "every change audited"

# ---- retire ----
expect_ok "retire" course retire X3
has "$OUT" "retired the course X3; its records are kept" "says the records are kept"
expect_fail "retire twice" 5 course retire X3
has "$ERR" "the course X3 is already retired" "says it is retired"
run course list --format csv
hasnt "$OUT" "X3," "retired courses are not listed"
run course list --all --format csv
has "$OUT" "X3,Von HR,inhouse,,,,no,0,2026-11-23" "--all lists them with the day"
expect_ok "activate" course edit X3 --activate
eq "$(sql "SELECT CAST(retired_on IS NULL AS integer) FROM course WHERE code = 'X3'")" "1" "in use again"

# ---- list, show, formats ----
run course list --format csv
has "$OUT" "code,title,kind,hours,validity_months,competences,approval,people,retired" "csv header"
has "$OUT" "DS.2026_a,Datenschutz,online,7.5,24,,yes,0," "a row in csv"
run course list --format json
has "$OUT" '"validity_months": null' "json: no validity is null"
expect_ok "search" course list --search "datensch"
has "$OUT" "DS.2026_a" "search finds by title"
hasnt "$OUT" "IT-SEC" "and only that"
expect_ok "show" course show ds.2026_A
has "$OUT" "Renewal window: 60 days before expiry" "show: the window"
has "$OUT" "Approval:       a lead approves each enrolment" "show: the approval"
run course show DS.2026_a --format json
has "$OUT" '"renewal_days": "60"' "show as json"
expect_fail "show unknown" 3 course show NOPE

# ---- CSV ----
cat >"$SCRATCH/kurse.csv" <<'EOF'
kürzel;titel;art;anbieter;stunden;kompetenzen;gültigkeit;erneuerung;genehmigung
EH-1;Erste Hilfe;extern;DRK;9;DC2;24;90;nein
IT-SEC;IT-Sicherheit 2027;online;;2,5;;12;;ja
EOF
expect_ok "import dry run" import courses "$SCRATCH/kurse.csv" --dry-run
has "$OUT" "would add 1, change 1, leave 0 unchanged" "dry run counts"
eq "$(sql "SELECT count(*) FROM course WHERE code = 'EH-1'")" "0" "dry run writes nothing"
expect_ok "import" import courses "$SCRATCH/kurse.csv"
eq "$(sql "SELECT title, kind, hours_x10, validity_months, renewal_days, needs_approval FROM course WHERE code = 'IT-SEC'")" \
	"IT-Sicherheit 2027|online|25|12|90|1" "the existing course updated, an empty window kept"
eq "$(sql "SELECT provider FROM course WHERE code = 'EH-1'")" "DRK" "the new one added"
run export courses
cp "$OUT" "$SCRATCH/export.csv"
has "$OUT" "code,title,kind,provider,hours,competences,validity_months,renewal_days,needs_approval,description,retired" "export header"
has "$OUT" "EH-1,Erste Hilfe,external,DRK,9,DC2,24,90,no,,no" "exported row"
expect_ok "the export imports again" import courses "$SCRATCH/export.csv"
has "$OUT" "added 0, changed 0, unchanged" "unchanged"
cat >"$SCRATCH/bad.csv" <<'EOF'
code,title,kind,validity_months,hours,competences,renewal_days,needs_approval
OK-1,Gut,online,12,1,,,
BAD 1,Schlecht,online,12,1,,,
BAD-2,,online,12,1,,,
BAD-3,T,seminar,,1,,,
BAD-4,T,online,300,0,DC9,400,vielleicht
OK-1,Doppelt,online,12,1,,,
EOF
before=$(dump)
expect_fail "a bad file" 1 import courses "$SCRATCH/bad.csv"
has "$ERR" "bad.csv:3: code: the course code 'BAD 1' may have only letters" "line 3: the code"
has "$ERR" "bad.csv:4: title: the cell is empty; a course needs a title" "line 4: the title"
has "$ERR" "bad.csv:5: kind: 'seminar' is not a kind of course" "line 5: the kind"
has "$ERR" "bad.csv:6: validity_months: '300' is not a validity" "line 6: the validity"
has "$ERR" "bad.csv:6: hours: '0' is not a number of hours" "line 6: the hours"
has "$ERR" "bad.csv:6: competences: no competence with the code 'DC9'" "line 6: the competence"
has "$ERR" "bad.csv:6: renewal_days: '400' is not a number of days from 0 to 366" "line 6: the window"
has "$ERR" "bad.csv:6: needs_approval: 'vielleicht' is neither yes nor no" "line 6: approval"
has "$ERR" "bad.csv:7:" "line 7: the code twice"
has "$ERR" "nothing was imported" "nothing imported"
eq "$(dump)" "$before" "a bad file changes nothing"
printf 'titel;art\nX;online\n' >"$SCRATCH/nocode.csv"
expect_fail "no code column" 1 import courses "$SCRATCH/nocode.csv"
has "$ERR" "the header has no column 'code'" "names the missing column"
printf 'code;colour\nX;red\n' >"$SCRATCH/unknown.csv"
expect_fail "unknown column" 1 import courses "$SCRATCH/unknown.csv"
has "$ERR" "unknown column 'colour'" "names the unknown column"
HOP_USER=emp expect_fail "an employee may not import" 4 import courses "$SCRATCH/kurse.csv"

# ---- German ----
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\{0,1\}8$'; then
	export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8
	expect_fail "German: bad validity" 2 course add X9 --title T --validity 500
	has "$ERR" "„500“ ist keine Gültigkeit: 1 bis 240 Monate" "German message"
	expect_ok "German: list" course list --wide
	has "$OUT" "Kürzel" "German header"
	has "$OUT" "läuft nie ab" "German: never expires"
	export LC_ALL=C.UTF-8 LANG=C.UTF-8
else
	skip "no German locale"
fi

finish
