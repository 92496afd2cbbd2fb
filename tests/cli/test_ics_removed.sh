#!/bin/sh
# What leaves a calendar leaves it the same way: a cleared presence day, a
# removed weekly default and a removed or shortened team day stay in the feeds
# as STATUS:CANCELLED with the same UID and a higher SEQUENCE for [feeds]
# keep_cancelled_days, as a cancelled booking does (Python's icalendar reads
# them); then 'hop purge' deletes what is left of old team days.  And a day a
# lead set for a member says so: in 'hop presence show', 'hop week' and the
# member's feed.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
if ! "$PY" -c 'import icalendar' 2>/dev/null; then
	skip "python3-icalendar is not installed for /usr/bin/python3"
	finish
	exit 77
fi

# One line per event, sorted: UID SEQUENCE STATUS DAY SUMMARY [| DESCRIPTION].
events() {
	"$PY" - "$1" <<'PYEOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
rows = []
for e in cal.walk('VEVENT'):
    d = str(e.get('DESCRIPTION', ''))
    rows.append('%s %d %s %s %s%s' % (str(e['UID']).split('@')[0], int(e['SEQUENCE']),
                str(e['STATUS']), e['DTSTART'].dt.isoformat(), str(e['SUMMARY']),
                ' | ' + d.replace('\n', ' / ') if d else ''))
print('\n'.join(sorted(rows)))
PYEOF
}
# feed KIND KEY FROM TO: the events of that feed (HOP_TODAY and HOP_CONFIG as set)
feed() {
	"$HOP" export ics "--$1" "$2" --from "$3" --to "$4" -o "$SCRATCH/f.ics" >"$OUT" 2>"$ERR" ||
		echo "export failed: $(cat "$ERR")"
	events "$SCRATCH/f.ics"
}
# seq UID LINES: the SEQUENCE of UID's event
seq_of() { printf '%s\n' "$2" | sed -n "s/^$1 \([0-9]*\) .*/\1/p"; }
greater() { if [ "${2:-0}" -gt "${1:-0}" ]; then ok "$3 ($1 -> $2)"; else nok "$3 ($1 -> $2)"; fi; }

expect_ok "init" init --name "Tess Ter"
expect_ok "team" team add "Referat 1"
expect_ok "site" site add "Haus" --timezone Europe/Berlin --region BE
expect_ok "zone" zone add Haus "1. OG" Nord --team "Referat 1"
expect_ok "desk" desk add 1.01 --zone Nord
expect_ok "lead" person add chef --name "Clara Eins" --team "Referat 1" --roles employee,lead --start 2020-01-01
expect_ok "led" team edit "Referat 1" --lead chef
expect_ok "member" person add anna --name "Anna Berg" --team "Referat 1" --start 2020-01-01
KEEP=$SCRATCH/keep.ini
printf '[feeds]\nkeep_cancelled_days = 2\n' >"$KEEP"

# ---- a day the lead set (item 6) ----
HOP_USER=chef expect_ok "the lead sets Anna's Wednesday" presence set 2026-11-25 home --for anna --note "Umzug"
HOP_USER=anna expect_ok "Anna sets her Thursday" presence set 2026-11-26 mobile
HOP_USER=anna expect_ok "Anna's week" presence show --week 2026-W48
has "$OUT" "Set by" "the table has the column"
grep "Wed 25 Nov 2026" "$OUT" >"$SCRATCH/row"
has "$SCRATCH/row" "Clara Eins (lead)" "the day the lead set names the lead"
grep "Thu 26 Nov 2026" "$OUT" >"$SCRATCH/row"
hasnt "$SCRATCH/row" "Clara" "her own day names nobody"
HOP_USER=anna expect_ok "as csv" presence show --week 2026-W48 --format csv
eq "$(tr -d '\r' <"$OUT" | sed -n '1p;4p;5p' | tr '\n' ' ')" \
	"day,location,source,desk,note,set_by 2026-11-25,home,day,,Umzug,chef 2026-11-26,mobile,day,,, " \
	"csv: the setter's login when not the person"
HOP_USER=anna expect_ok "as json" presence show --week 2026-W48 --format json
has "$OUT" '"set_by": "chef"' "json: the same"
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 HOP_USER=anna "$HOP" presence show --week 2026-W48 >"$OUT" 2>"$ERR"
has "$OUT" "Clara Eins (Leitung)" "German: the lead as Leitung"
expect_ok "the team's week" week --team "Referat 1" --week 2026-W48 --format csv
has "$OUT" "anna,Anna Berg,2026-11-25,home,,,Umzug,no,yes,chef" "hop week: the setter's login"
has "$OUT" "anna,Anna Berg,2026-11-26,mobile,,,,no,yes," "and none for her own day"
a=$(feed person anna 2026-11-23 2026-11-27)
has_line() { if printf '%s\n' "$2" | grep -qxF -- "$1"; then ok "$3"; else nok "$3 (no line '$1' in: $2)"; fi; }
s1=$(seq_of presence-anna-2026-11-25 "$a")
has_line "presence-anna-2026-11-25 $s1 CONFIRMED 2026-11-25 Home | Umzug / Set by Clara Eins (lead)" "$a" \
	"her feed's event says who set the day, after the note"
has_line "presence-anna-2026-11-26 $(seq_of presence-anna-2026-11-26 "$a") CONFIRMED 2026-11-26 Mobile" "$a" \
	"her own day says nothing of it"
HOP_USER=anna expect_ok "Anna confirms the day herself" presence set 2026-11-25 home --note "Umzug"
a=$(feed person anna 2026-11-23 2026-11-27)
s2=$(seq_of presence-anna-2026-11-25 "$a")
has_line "presence-anna-2026-11-25 $s2 CONFIRMED 2026-11-25 Home | Umzug" "$a" "then it is hers"
greater "$s1" "$s2" "and the SEQUENCE grew"

# ---- a cleared presence day and a removed default (item 11) ----
HOP_USER=anna expect_ok "home on Monday 30th" presence set 2026-11-30 home
b=$(feed person anna 2026-11-30 2026-12-04)
s1=$(seq_of presence-anna-2026-11-30 "$b")
has_line "presence-anna-2026-11-30 $s1 CONFIRMED 2026-11-30 Home" "$b" "the day is in the feed"
HOP_USER=anna expect_ok "clear it" presence clear 2026-11-30
b=$(feed person anna 2026-11-30 2026-12-04)
s2=$(seq_of presence-anna-2026-11-30 "$b")
has_line "presence-anna-2026-11-30 $s2 CANCELLED 2026-11-30 Cancelled: Work location" "$b" \
	"cleared, with nothing behind it: the same UID, cancelled"
greater "$s1" "$s2" "with a higher SEQUENCE"
HOP_USER=anna expect_ok "home on Thursdays" presence default thu=home
b=$(feed person anna 2026-11-30 2026-12-04)
s1=$(seq_of presence-anna-2026-12-03 "$b")
has_line "presence-anna-2026-12-03 $s1 CONFIRMED 2026-12-03 Home" "$b" "the default's day"
HOP_USER=anna expect_ok "no default on Thursdays" presence default thu=none
b=$(feed person anna 2026-11-30 2026-12-04)
s2=$(seq_of presence-anna-2026-12-03 "$b")
has_line "presence-anna-2026-12-03 $s2 CANCELLED 2026-12-03 Cancelled: Work location" "$b" \
	"the default removed: the day is cancelled"
greater "$s1" "$s2" "with a higher SEQUENCE"
HOP_TODAY=2026-11-25 HOP_CONFIG=$KEEP expect_ok "two days later" export ics --person anna --from 2026-11-30 --to 2026-12-04
has "$OUT" "UID:presence-anna-2026-11-30@" "kept for keep_cancelled_days after the change"
HOP_TODAY=2026-11-26 HOP_CONFIG=$KEEP expect_ok "three days later" export ics --person anna --from 2026-11-30 --to 2026-12-04
hasnt "$OUT" "UID:presence-anna-2026-11-30@" "then gone, as a cancelled booking is"
hasnt "$OUT" "UID:presence-anna-2026-12-03@" "the removed default's days too"

# ---- a removed team day ----
expect_ok "a team day" teamday set "Referat 1" 2026-12-02 --note "Klausur"
id=$(sql "SELECT id FROM team_day WHERE day = '2026-12-02'")
t=$(feed team "Referat 1" 2026-11-30 2026-12-04)
eq "$t" "teamday-$id-2026-12-02 0 CONFIRMED 2026-12-02 Team day: Referat 1 | Klausur" "the team's feed"
expect_ok "remove it" teamday remove "Referat 1" 2026-12-02
t=$(feed team "Referat 1" 2026-11-30 2026-12-04)
eq "$t" "teamday-$id-2026-12-02 1 CANCELLED 2026-12-02 Cancelled: Team day: Referat 1" \
	"removed: the same UID, cancelled, SEQUENCE 1"
has_line "teamday-$id-2026-12-02 1 CANCELLED 2026-12-02 Cancelled: Team day: Referat 1" \
	"$(feed person anna 2026-11-30 2026-12-04)" "in the member's feed too"
expect_ok "the list no longer has it" teamday list --team "Referat 1" --format csv
hasnt "$OUT" "2026-12-02" "teamday list shows only team days"
expect_ok "set it again" teamday set "Referat 1" 2026-12-02
t=$(feed team "Referat 1" 2026-11-30 2026-12-04)
new=$(sql "SELECT id FROM team_day WHERE day = '2026-12-02'")
s=$(seq_of "teamday-$new-2026-12-02" "$t")
has_line "teamday-$new-2026-12-02 $s CONFIRMED 2026-12-02 Team day: Referat 1" "$t" "set again: confirmed"
# SQLite may hand the removed row's id out again: then the event comes back
# under its old UID, with a SEQUENCE above the cancellation's.
if [ "$new" = "$id" ]; then greater 1 "$s" "the old UID back, its SEQUENCE above the cancellation's"
else has_line "teamday-$id-2026-12-02 1 CANCELLED 2026-12-02 Cancelled: Team day: Referat 1" "$t" \
	"a new UID beside the cancelled one"; fi
eq "$(printf '%s\n' "$t" | cut -d' ' -f1 | sort | uniq -d)" "" "no UID twice in a feed"
expect_ok "and away again" teamday remove "Referat 1" 2026-12-02

# ---- a recurring team day shortened, lengthened, removed ----
expect_ok "Tuesdays" teamday set "Referat 1" tue --from 2026-11-24
tue=$(sql "SELECT id FROM team_day WHERE weekday = 2")
# The Tuesdays' events: SEQUENCE relative to the first one's at the start.
tues() {
	feed team "Referat 1" 2026-11-23 2026-12-18 |
		grep -E "^teamday-$tue-2026-(11-24|12-01|12-08|12-15) " | cut -d' ' -f2-4 |
		while read -r n st day; do printf '%s %s %s ' "$((n - ${base:-0}))" "$st" "$day"; done
}
base=$(feed team "Referat 1" 2026-11-24 2026-11-24 | sed -n "s/^teamday-$tue-2026-11-24 \([0-9]*\) .*/\1/p")
eq "$(tues)" "0 CONFIRMED 2026-11-24 0 CONFIRMED 2026-12-01 0 CONFIRMED 2026-12-08 0 CONFIRMED 2026-12-15 " \
	"four Tuesdays"
expect_ok "until 1 December" teamday set "Referat 1" tue --from 2026-11-24 --until 2026-12-01
eq "$(tues)" "1 CONFIRMED 2026-11-24 1 CONFIRMED 2026-12-01 1 CANCELLED 2026-12-08 1 CANCELLED 2026-12-15 " \
	"shortened: the Tuesdays after it cancelled, the same UIDs, each SEQUENCE one higher"
expect_ok "from 1 December, open" teamday set "Referat 1" tue --from 2026-12-01
eq "$(tues)" "2 CANCELLED 2026-11-24 2 CONFIRMED 2026-12-01 2 CONFIRMED 2026-12-08 2 CONFIRMED 2026-12-15 " \
	"moved: the Tuesday before it cancelled, those after it back, one higher again"
expect_ok "no more Tuesdays" teamday remove "Referat 1" tue
eq "$(tues)" "2 CANCELLED 2026-11-24 3 CANCELLED 2026-12-01 3 CANCELLED 2026-12-08 3 CANCELLED 2026-12-15 " \
	"removed: every Tuesday cancelled, one higher than it last was"
has_line "teamday-$tue-2026-12-08 $((base + 3)) CANCELLED 2026-12-08 Cancelled: Team day: Referat 1" \
	"$(feed person anna 2026-12-07 2026-12-11)" "in the member's feed too"
HOP_TODAY=2026-11-25 HOP_CONFIG=$KEEP expect_ok "two days later" export ics --team "Referat 1" --from 2026-11-23 --to 2026-12-18
has "$OUT" "UID:teamday-$tue-2026-12-08@" "kept for keep_cancelled_days after the removal"
HOP_TODAY=2026-11-26 HOP_CONFIG=$KEEP expect_ok "three days later" export ics --team "Referat 1" --from 2026-11-23 --to 2026-12-18
hasnt "$OUT" "UID:teamday-" "then gone"

# ---- hop purge deletes them with the other old days ----
n=$(sql "SELECT count(*) FROM team_day_removed")
[ "$n" -ge 4 ] && ok "$n removed stretches kept" || nok "only $n removed stretches kept"
printf '[privacy]\nkeep_days_months = 6\n' >"$SCRATCH/purge.ini"
HOP_TODAY=2027-05-22 HOP_CONFIG=$SCRATCH/purge.ini expect_ok "a purge before they are old" purge --format csv
eq "$(sql "SELECT count(*) FROM team_day_removed")" "$n" "removed on 23 November 2026: kept in May"
HOP_TODAY=2027-06-30 HOP_CONFIG=$SCRATCH/purge.ini expect_ok "a purge after" purge --format csv
has "$OUT" "team_day_removed,deleted,$n" "counted"
eq "$(sql "SELECT count(*) FROM team_day_removed")" "0" "and gone"

finish
