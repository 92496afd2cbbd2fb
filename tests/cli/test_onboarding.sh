#!/bin/sh
# Onboarding and mentors through the binary: due days in Berlin's working
# days, a start on a holiday, mentor capacity, suggestions by shared office
# days, cancelling keeps every row, bad input changes nothing, the feeds read
# by independent parsers, German messages.
. "$(dirname "$0")/lib.sh"

dump() { db_dump; }
due() {   # due LOGIN TITLE: the due day of a step, from the CSV of 'onboarding show'
	"$HOP" onboarding show "$1" --format csv | awk -F, -v t="$2" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$col["title"] == t { print $col["due"] }'
}

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 11"
expect_ok "other team" team add "Referat 12"
expect_ok "site in Berlin" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone" zone add Haus "1. OG" Nord --team "Referat 11"
expect_ok "lead" person add chef --name "Carla Chef" --team "Referat 11" --start 2010-01-04
expect_ok "lead of the team" team edit "Referat 11" --lead chef
expect_ok "mentor m1" person add m1 --name "Maria Eins" --team "Referat 11" --start 2015-01-05
expect_ok "mentor m2" person add m2 --name "Max Zwei" --team "Referat 11" --start 2016-03-01
expect_ok "other team's" person add m3 --name "Otto Drei" --team "Referat 12" --start 2017-03-01
expect_ok "leaver" person add gone --name "Gerd Gegangen" --team "Referat 11" --start 2012-01-02
expect_ok "has left" person remove gone --date 2026-11-20
expect_ok "new hire on 23 Dec" person add n1 --name "Nina Neu" --team "Referat 11" --start 2026-12-23
expect_ok "new hire on 1 Jan" person add n2 --name "Nils Neu" --team "Referat 11" --start 2027-01-01
expect_ok "new hire n3" person add n3 --name "Nora Neu" --team "Referat 11" --start 2026-12-01
expect_ok "new hire n4" person add n4 --name "Noah Neu" --team "Referat 11" --start 2026-12-01
expect_ok "m2 in Monday to Thursday" presence default mon=office,tue=office,wed=office,thu=office,fri=home --for m2
expect_ok "m1 in on Fridays" presence default mon=home,tue=home,wed=home,thu=home,fri=office --for m1

# ---- a template from CSV, in German ----
cat >"$SCRATCH/vorlage.csv" <<'EOF'
vorlage;titel;art;verantwortlich;fällig;büro;pflicht;standard
Standard;IT-Zugang und Gerät;zugang;it;-2;nein;ja;ja
Standard;Begrüßungsgespräch mit der Führungskraft;gespräch;lead;0;ja;ja;ja
Standard;Datenschutz-Einweisung;schulung;hr;+3;ja;ja;ja
Standard;Gespräch mit der Patin oder dem Paten (Woche 1);gespräch;pate;+4;ja;ja;ja
Standard;Abschlussgespräch;gespräch;lead;+6 monate;ja;ja;ja
EOF
expect_ok "import a template" import templates "$SCRATCH/vorlage.csv"
has "$OUT" "steps added 5" "import counts the steps"
expect_ok "template list" template list --format csv
has "$OUT" "Standard,,,yes,5," "the template is the default, with five steps"

# ---- due days: Berlin around Christmas, a start on a holiday ----
# [policy] free_dec24_dec31 = no: 24 December is a working day.
WORK24=$SCRATCH/work24.ini
printf '[policy]\nfree_dec24_dec31 = no\n' >"$WORK24"
HOP_CONFIG=$WORK24 expect_ok "start n1's onboarding" onboarding start n1
has "$OUT" "started the onboarding of Nina Neu from the template 'Standard': 5 steps" "start says what it did"
expect_ok "show n1 as csv" onboarding show n1 --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "step,due,title,kind,owner,owner_name,office,mandatory,status,done,done_by,clash,note" "the csv columns"
eq "$(due n1 "Datenschutz-Einweisung")" "2026-12-29" "three working days after Wed 23.12.2026 in Berlin: 29.12.2026"
eq "$(due n1 "Begrüßungsgespräch mit der Führungskraft")" "2026-12-23" "day 0 is the start"
eq "$(due n1 "IT-Zugang und Gerät")" "2026-12-21" "two working days before the start"
eq "$(due n1 "Abschlussgespräch")" "2027-06-23" "the end of probation"
expect_ok "start n2 (1 January, a holiday)" onboarding start n2 --template standard
eq "$(due n2 "Begrüßungsgespräch mit der Führungskraft")" "2027-01-04" "a start on a holiday moves day 0 to the next working day"
eq "$(due n2 "Datenschutz-Einweisung")" "2027-01-07" "and counts from there"
expect_ok "show n1 as a table" onboarding show n1
has "$OUT" "Template:     Standard" "the table's header names the template"
has "$OUT" "the first 4 weeks in the office, 2026-12-23 to 2027-01-19" "the office weeks are shown"

# ---- bad input changes nothing ----
before=$(dump)
expect_fail "unknown template" 3 onboarding start n3 --template Nope
has "$ERR" "there is no onboarding template 'Nope'; the templates are 'Standard'" "the unknown template is named, with the ones there are"
expect_fail "a second onboarding" 5 onboarding start n1
has "$ERR" "Nina Neu already has an onboarding (planned, from the template 'Standard', starting 2026-12-23)" "a second open onboarding is refused"
expect_fail "mentor = new hire" 1 mentor assign n2 n2
has "$ERR" "hop: Nils Neu cannot be their own mentor" "the new hire cannot mentor themselves"
expect_fail "departed mentor" 1 mentor assign n2 gone
has "$ERR" "hop: Gerd Gegangen left on 2026-11-20 and cannot be a mentor" "someone who has left cannot mentor"
expect_fail "the lead as mentor" 1 mentor assign n2 chef
has "$ERR" "Carla Chef leads Nils Neu's team; a mentor is a colleague, not the lead" "the lead is no mentor"
expect_fail "a step offset beyond a year" 1 template step Standard "Viel später" --owner hr --due "400 days"
has "$ERR" "400 days is more than a year" "an offset beyond a year is refused"
printf 'template,title,kind,owner,due\nNeu,Eins,talk,lead,0\nNeu,Zwei,party,lead,0\n' >"$SCRATCH/bad.csv"
expect_fail "a CSV template with a bad row" 1 import templates "$SCRATCH/bad.csv"
has "$ERR" "$SCRATCH/bad.csv:3: kind: 'party' is not a kind of step" "the bad row is named by file and line"
has "$ERR" "1 of 2 rows has errors; nothing was imported" "and nothing is imported"
HOP_USER=n1 expect_fail "a new hire cannot start onboardings" 4 onboarding start n3
eq "$(dump)" "$before" "the refusals changed nothing"

# ---- mentors: suggestions, capacity ----
expect_ok "suggest for n3" mentor suggest n3 --format csv
eq "$(sed -n 1p "$OUT" | tr -d '\r')" "rank,login,name,team,same_team,mentees,shared_days,office_days,cost" "the suggestion's columns"
eq "$(sed -n 2p "$OUT" | cut -d, -f2)" "m2" "the colleague whose office days overlap comes first"
eq "$(sed -n 3p "$OUT" | cut -d, -f2)" "m1" "the colleague at home when the new hire is in comes second"
eq "$(sed -n 4p "$OUT" | cut -d, -f2,5)" "m3,no" "another team's comes after"
hasnt "$OUT" "chef" "the lead is not suggested"
expect_ok "m1 for n3" mentor assign n3 m1
has "$OUT" "Maria Eins is the mentor of Nora Neu from 2026-12-01 to 2027-05-31" "assign says who and when"
expect_ok "m1 for n4" mentor assign n4 m1
before=$(dump)
expect_fail "a third mentee at capacity two" 5 mentor assign n1 m1
has "$ERR" "Maria Eins already looks after 2 new hires at that time, the most a mentor may: Noah Neu (until 2027-05-31), Nora Neu (until 2027-05-31)" "the refusal names the mentees and their end dates"
eq "$(dump)" "$before" "the refused assignment changed nothing"
expect_ok "end one mentorship" mentor end n3
has "$OUT" "cancelled the mentorship of Maria Eins for Nora Neu before it began; it is kept" "a mentorship not begun is cancelled, kept"
expect_ok "the third now fits" mentor assign n1 m1
expect_ok "mentor list" mentor list --format csv
eq "$(grep -c ',m1,\|^m1,' "$OUT")" "2" "m1 has two current or coming mentorships"
expect_ok "mentor list --all" mentor list --all --format csv
has "$OUT" "n3,Nora Neu,Referat 11,2026-12-01,2027-05-31,cancelled," "the cancelled one is kept"
eq "$(due n1 "Gespräch mit der Patin oder dem Paten (Woche 1)")" "2027-01-08" \
	"the talk with the mentor moved from Wed 30.12.2026 to the first day both plan to be in: Friday, not Neujahr"
expect_ok "HR beyond capacity with a reason" mentor assign n2 m1 --override "kennt als Einzige das Fachverfahren"
expect_ok "the log keeps the reason" log --person n2 --format csv
has "$OUT" "over capacity: kennt als Einzige das Fachverfahren" "the override's reason is in the audit log"

# ---- ticking, to do, overdue ----
# The checklist is need-to-know: the new hire, the lead, HR see it; a colleague of
# another team does not, nor may they rank mentors for it.
HOP_USER=n1 expect_ok "the new hire sees their checklist" onboarding show
HOP_USER=chef expect_ok "the lead sees it" onboarding show n1
HOP_USER=m3 expect_fail "another team's employee does not" 4 onboarding show n1
has "$ERR" "can see Nina Neu's onboarding" "the refusal says who may"
HOP_USER=m3 expect_fail "nor ranks mentors for the new hire" 4 mentor suggest n1
HOP_USER=n1 expect_ok "n1's to do" onboarding todo --format csv
eq "$(tail -n +2 "$OUT" | wc -l | tr -d ' ')" "0" "n1 owns no step (the template has none for the new hire)"
HOP_USER=chef expect_ok "the lead's to do" onboarding todo --format csv
has "$OUT" "Begrüßungsgespräch mit der Führungskraft" "the lead sees the welcome talk"
HOP_USER=n1 expect_fail "the new hire may not tick the lead's step" 4 onboarding tick n1 2
HOP_USER=chef expect_ok "the lead ticks" onboarding tick n1 2
has "$OUT" "step 2 of Nina Neu's onboarding is done (1 of 5 mandatory steps done)" "tick says how far it is"
HOP_TODAY=2027-01-05 expect_ok "overdue in January" onboarding list --overdue --format csv
has "$OUT" "2026-12-21,n1,Nina Neu,Referat 11,1,IT-Zugang und Gerät,it," "the IT step is overdue"
hasnt "$OUT" ",n1,Nina Neu,Referat 11,2," "a ticked step is not overdue"
expect_ok "list" onboarding list --format csv
has "$OUT" "n1,Nina Neu,Referat 11,Standard,2026-12-23,planned,m1,1,5,1,5,0," "the list shows state, mentor and progress"

# ---- the feeds: the new hire's and the mentor's ----
F=$SCRATCH/feeds
mkdir -p "$F"
expect_ok "the new hire's feed" export ics --person n1 --from 2026-12-01 --to 2027-07-01 -o "$F/n1.ics"
expect_ok "the mentor's feed" export ics --person m1 --from 2026-12-01 --to 2027-07-01 -o "$F/m1.ics"
# Long lines are folded (RFC 5545): read them unfolded.
for f in n1 m1; do
	awk 'BEGIN { RS = "\r\n" } /^ / { printf "%s", substr($0, 2); next }
	     NR > 1 { printf "\n" } { printf "%s", $0 } END { printf "\n" }' "$F/$f.ics" >"$F/$f.txt"
done
eq "$(grep -c '^UID:onboarding-step-' "$F/n1.ics")" "5" "every step of n1 is in their feed"
eq "$(grep -c '^BEGIN:VALARM' "$F/n1.ics")" "4" "each open step reminds (the ticked one does not)"
has "$F/n1.txt" "SUMMARY:Done: Onboarding: Begrüßungsgespräch mit der Führungskraft" "the ticked step is marked done"
has "$F/m1.txt" "SUMMARY:Onboarding of Nina Neu: Gespräch mit der Patin oder dem Paten (Woche 1)" "the mentor's talk is in the mentor's feed"
hasnt "$F/m1.txt" "Abschlussgespräch" "the lead's steps are not in the mentor's feed"
PY=/usr/bin/python3
if "$PY" -c 'import icalendar' 2>/dev/null; then
	for f in n1 m1; do
		"$PY" - "$F/$f.ics" >"$OUT" 2>&1 <<'PYEOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
uids = set()
for ev in cal.walk("VEVENT"):
    uid = str(ev["UID"])
    assert uid not in uids, "UID twice: " + uid
    uids.add(uid)
    if not uid.startswith("onboarding-step-"):
        continue
    assert ev.decoded("DTSTART").__class__.__name__ == "date", uid
    alarms = ev.walk("VALARM")
    if str(ev["STATUS"]) == "CANCELLED":
        assert not alarms, "a done step reminds: " + uid
    else:
        assert len(alarms) == 1, uid
        t = alarms[0].decoded("TRIGGER")
        assert t.days == -2, (uid, t)
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
    print(ev.decoded("DTSTART").isoformat(), str(ev["STATUS"]), str(ev["SUMMARY"]))
PYEOF
		if [ $? -eq 0 ]; then ok "Python's icalendar reads the $f feed: unique UIDs, all-day steps, one reminder two days before each open one"
		else nok "icalendar on the $f feed: $(head -c 600 "$OUT")"; fi
	done
	has "$OUT" "2027-01-08 CONFIRMED Onboarding of Nina Neu: Gespräch mit der Patin oder dem Paten (Woche 1)" "icalendar: the mentor's talk on its day"
else
	skip "python3-icalendar is not installed for /usr/bin/python3"
fi
if command -v calcurse >/dev/null 2>&1; then
	CC=$SCRATCH/calcurse
	mkdir -p "$CC/home" "$CC/n1"
	HOME=$CC/home XDG_CONFIG_HOME=$CC/conf XDG_DATA_HOME=$CC/data TZ=Europe/Berlin \
		calcurse -D "$CC/n1" -i "$F/n1.ics" >"$OUT" 2>"$ERR"
	if [ $? -eq 0 ] && grep -q ' 0 skipped$' "$OUT"; then ok "calcurse imports the new hire's feed, nothing skipped"
	else nok "calcurse import: $(head -c 300 "$OUT") $(head -c 300 "$ERR")"; fi
else
	skip "calcurse is not installed"
fi
if command -v khal >/dev/null 2>&1; then
	KH=$SCRATCH/khal
	mkdir -p "$KH/home" "$KH/conf/khal" "$KH/cal/m1"
	printf '[calendars]\n[[m1]]\npath = %s\ntype = calendar\n[locale]\nlocal_timezone = Europe/Berlin\ndefault_timezone = Europe/Berlin\n[sqlite]\npath = %s\n' \
		"$KH/cal/m1" "$KH/k.db" >"$KH/conf/khal/config"
	HOME=$KH/home XDG_CONFIG_HOME=$KH/conf XDG_DATA_HOME=$KH/data XDG_CACHE_HOME=$KH/cache TZ=Europe/Berlin \
		khal import --batch -a m1 "$F/m1.ics" >"$OUT" 2>"$ERR"
	if [ $? -eq 0 ] && ! [ -s "$ERR" ]; then ok "khal imports the mentor's feed without a warning"
	else nok "khal import: $(head -c 300 "$ERR")"; fi
else
	skip "khal is not installed"
fi

# ---- cancelling keeps every row ----
steps=$(sql "SELECT count(*) FROM onboarding_step")
expect_ok "cancel n2's onboarding" onboarding cancel n2 --note "Einstellung zurückgezogen"
has "$OUT" "cancelled the onboarding of Nils Neu; its 5 steps are kept" "cancel says the steps are kept"
eq "$(sql "SELECT count(*) FROM onboarding_step")" "$steps" "a cancelled onboarding keeps every step"
eq "$(sql "SELECT state FROM onboarding o JOIN person p ON p.id = o.person_id WHERE p.login = 'n2'")" "cancelled" "its state is cancelled"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'onboarding.cancel' AND actor = 'tester'")" "1" "the audit log shows who cancelled"
expect_ok "a new one may start" onboarding start n2
eq "$(sql "SELECT count(*) FROM onboarding o JOIN person p ON p.id = o.person_id WHERE p.login = 'n2'")" "2" "both are kept"

# ---- the team over time ----
expect_ok "move a person" person edit m2 --team "Referat 12"
expect_ok "their history" person history m2 --format csv
has "$OUT" "Referat 11,referat-11,post,2016-03-01,2026-11-22" "the old post ends the day before"
has "$OUT" "Referat 12,referat-12,post,2026-11-23," "the new one begins today"

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_fail "German: a mentor at capacity" 5 mentor assign n3 m1
	has "$ERR" "hop: Maria Eins betreut zu der Zeit schon 3 neue Beschäftigte, die Höchstzahl: Noah Neu (bis 2027-05-31)" "German: the capacity refusal"
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_fail "German: mentor = new hire" 1 mentor assign n2 n2
	has "$ERR" "hop: Nils Neu kann nicht Pate oder Patin der eigenen Einarbeitung sein" "German: the refusal"
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_ok "German: show" onboarding show n1
	has "$OUT" "Einarbeitung:" "German: the header of show"
	has "$OUT" "Pate/Patin:" "German: the mentor's line"
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 expect_fail "German: unknown template" 3 onboarding start n3 --template Nope
	has "$ERR" "Es gibt keine Vorlage für Einarbeitungen 'Nope'" "German: the unknown template"
else
	skip "the locale de_DE.UTF-8 is not installed: German messages not checked"
fi

# ---- 24 December freed by policy (the default) ----
# § 6 (3) TVöD/TV-L: 24 Dec free, 25/26 holidays, 27 a Sunday; the third
# working day after Wed 23.12.2026 is Wed 30.12.2026 (29.12 with the policy off, above).
expect_ok "new hire on 23 Dec, policy on" person add n9 --name "Nora Neun" --team "Referat 11" --start 2026-12-23
expect_ok "start n9's onboarding" onboarding start n9
eq "$(due n9 "Datenschutz-Einweisung")" "2026-12-30" "three working days after Wed 23.12.2026 in Berlin with 24.12 freed: 30.12.2026"
eq "$(due n9 "Begrüßungsgespräch mit der Führungskraft")" "2026-12-23" "day 0 is the start, policy on"

finish
