#!/bin/sh
# Screen tests of the Desks screen's f at 80×24, in English and German (see
# tmux.sh): facilities book the selected desk for someone chosen from a list
# that narrows as they type; a lead chooses among their members; anyone else
# hears, in core's words and the screen's advice, that they book only for
# themselves, and nothing changes.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/tmux.sh"
: "${HOPLOCALEDIR:=$(dirname "$HOP")/locale}"
export HOPLOCALEDIR

if tmux_missing; then
	skip "tmux is not installed; the screen tests need it (apt-get install tmux)"
	finish
	exit
fi
printf '[organisation]\nname = Landesamt\n' >"$CONF"
DE=$(locale -a 2>/dev/null | grep -i '^de_DE\.utf-\?8$' | head -1)

run init --demo
if [ "$RC" -ne 0 ]; then
	nok "hop init --demo failed: $(head -c 400 "$ERR")"
	finish
	exit
fi
run person list --format csv
FAC=$(grep -F 'facilities' "$OUT" | grep -v admin | head -1 | cut -d, -f1)
# Someone without a desk on Monday, of another team than the facilities
# person's, and a plain employee to be refused.
WHO=$(sql "SELECT p.login FROM person p WHERE p.end_date IS NULL AND p.login <> '$FAC'
	AND p.start_date <= '2026-11-23' AND p.roles = 1 AND NOT EXISTS (SELECT 1 FROM booking b
	WHERE b.person_id = p.id AND b.day = '2026-11-23' AND b.cancelled_at IS NULL)
	ORDER BY p.login LIMIT 1")
WHO_NAME=$(sql "SELECT name FROM person WHERE login = '$WHO'")
EMP=$(sql "SELECT login FROM person WHERE roles = 1 AND end_date IS NULL AND login <> '$WHO'
	ORDER BY login LIMIT 1")
HOP_USER=$FAC run free 2026-11-23 --desks --format csv
CODE=$(sed -n 2p "$OUT" | cut -d, -f1)
[ -n "$FAC" ] && [ -n "$WHO" ] && [ -n "$CODE" ] && ok "the demo has facilities ($FAC), $WHO and a free desk $CODE" ||
	nok "facilities '$FAC', person '$WHO', desk '$CODE'"

# ---- facilities, English ----
start 80 24 "$FAC"
wait_for "KW 48" || nok "starts as $FAC"
keys 2
wait_for "Afternoon" || nok "2: the Desks screen: $(cat "$SCR")"
if select_code "$CODE"; then
	keys f
	if wait_for "For whom:"; then
		ok "f: a list of people opens"
		has "$SCR" "for someone else: type a name" "f: the bottom line says what to do"
		text "$WHO"
		keys Enter
		if wait_for "Book $CODE for $WHO_NAME on Mon 23 Nov 2026: d whole day"; then
			ok "Enter: the person is chosen, the half day asked"
			keys d
			if wait_for "Booked $CODE for $WHO_NAME on Mon 23 Nov 2026 (all day)."; then
				eq "$(sql "SELECT p.login || ' by ' || bp.login FROM booking b JOIN desk d
					ON d.id = b.desk_id JOIN person p ON p.id = b.person_id JOIN person bp
					ON bp.id = b.booked_by WHERE d.code = '$CODE' AND b.day = '2026-11-23'
					AND b.cancelled_at IS NULL")" "$WHO by $FAC" \
					"d: the database holds the booking for $WHO, booked by $FAC"
				has "$SCR" "$WHO_NAME" "the list shows who has $CODE now"
			else
				nok "d: $(status_text)"
			fi
		else
			nok "choosing $WHO: $(status_text)"
		fi
	else
		nok "f: $(cat "$SCR")"
	fi
else
	nok "could not select $CODE"
fi
# f, then Esc: nothing booked.
before=$(sql "SELECT count(*) FROM booking")
keys f
wait_for "For whom:" && keys Escape
wait_for "Not booked." && ok "Esc: not booked" || nok "Esc: $(status_text)"
eq "$(sql "SELECT count(*) FROM booking")" "$before" "Esc: no booking made"
keys q
expect_exit_clean "facilities"

# ---- a plain employee: refused before any list ----
before=$(sql "SELECT count(*) FROM booking; SELECT count(*) FROM audit")
start 80 24 "$EMP"
wait_for "KW 48" || nok "starts as $EMP"
keys 2
wait_for "Afternoon" || nok "2 as $EMP"
keys j j j f
if wait_for "you may book only for yourself"; then
	ok "f as an employee: core's refusal"
	status_text | grep -qF "Enter books the place for you" && ok "the screen's advice" ||
		nok "the screen's advice: $(status_text)"
	hasnt "$SCR" "For whom:" "no list opens"
else
	nok "f as $EMP: $(status_text)"
fi
keys q
expect_exit_clean "employee"
eq "$(sql "SELECT count(*) FROM booking; SELECT count(*) FROM audit")" "$before" \
	"the refusal changed nothing"

# ---- a lead: their members only; German ----
LEAD=$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id
	WHERE p.team_id = t.id AND p.end_date IS NULL ORDER BY t.name LIMIT 1")
MATE=$(sql "SELECT x.name FROM person x JOIN person l ON l.team_id = x.team_id
	WHERE l.login = '$LEAD' AND x.login <> '$LEAD' AND x.end_date IS NULL
	AND x.start_date <= '2026-11-23' ORDER BY x.name LIMIT 1")
OUTSIDER=$(sql "SELECT x.name FROM person x JOIN person l ON l.login = '$LEAD'
	WHERE x.team_id <> l.team_id AND x.end_date IS NULL ORDER BY x.name LIMIT 1")
if [ -z "$DE" ]; then
	skip "German: de_DE.UTF-8 is not installed (locale -a)"
	finish
	exit
fi
start 80 24 "$LEAD" LC_ALL="$DE" LANGUAGE=de
wait_for "KW 48" || nok "German: starts as $LEAD"
keys 2
wait_for "Nachmittag" || nok "German: the Desks screen: $(cat "$SCR")"
keys j j j f
if wait_for "Für wen:"; then
	ok "German: f opens the list for a lead"
	has "$SCR" "$MATE" "German: the lead's member $MATE is offered"
	text "$OUTSIDER"
	wait_for "Nothing matches" || wait_for "Keine" || true
	grab
	hasnt "$SCR" "$OUTSIDER (" "German: someone of another team is not offered"
	keys Escape
	wait_for "Nicht gebucht." && ok "German: Esc, not booked" || nok "German: Esc: $(status_text)"
else
	nok "German: f as a lead: $(status_text)"
fi
keys q
expect_exit_clean "German lead"
start 80 24 "$EMP" LC_ALL="$DE" LANGUAGE=de
wait_for "KW 48" || nok "German: starts as $EMP"
keys 2
wait_for "Nachmittag" || nok "German: Desks as $EMP"
keys j j j f
wait_for "Buchungen sind nur für die eigene Person möglich" &&
	ok "German: the refusal in German" || nok "German: f as $EMP: $(status_text)"
status_text | grep -qF "Enter bucht den Platz für die eigene Person" &&
	ok "German: the screen's advice" || nok "German: the screen's advice: $(status_text)"
keys q
expect_exit_clean "German employee"

finish
