#!/bin/sh
# People and teams named as people name them, on the command line: a login,
# a name with or without its umlauts, a word or the beginning of one; a team
# with a hyphen for its en dash.  Ambiguous and unknown references are
# refused with the candidates or the nearest name, and change nothing.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init --name "Tess Ter"
expect_ok "a team with an en dash" team add "Referat Z 2 – Haushalt"
expect_ok "another" team add "Referat Z 1 – Personal"
expect_ok "Jürgen Weiß" person add jweiss --name "Jürgen Weiß" --team "Referat Z 2 – Haushalt"
expect_ok "Ömer Stojanović" person add ostojanovic --name "Ömer Stojanović" --team "Referat Z 1 – Personal"
expect_ok "Moritz Stojanović" person add mstojanovic --name "Moritz Stojanović"
expect_ok "Anna Berg" person add aberg --name "Anna Berg"
expect_ok "Anna Kühn" person add akuehn --name "Anna Kühn"

# ---- people ----
expect_ok "presence show --for a name" presence show --for "Jürgen Weiß"
has "$OUT" "Jürgen Weiß · KW 48" "the week of Jürgen Weiß"
expect_ok "the name spelled without umlauts" presence show --for "Juergen Weiss"
has "$OUT" "Jürgen Weiß · KW 48" "Juergen Weiss is Jürgen Weiß"
expect_ok "lower case, umlauts dropped" presence show --person "jurgen weiss"
has "$OUT" "Jürgen Weiß · KW 48" "jurgen weiss is Jürgen Weiß"
expect_ok "person show by name" person show "Ömer Stojanović"
has "$OUT" "ostojanovic" "Ömer Stojanović's login"
expect_ok "person show by the beginning of a word" person show "Ömer"
has "$OUT" "ostojanovic" "Ömer is Ömer Stojanović"
expect_ok "a login typed with capitals" person show JWeiss
has "$OUT" "Jürgen Weiß" "JWeiss is jweiss"

expect_fail "a name two people share" 1 person show "Stojanović"
eq "$(cat "$ERR")" "hop: 'Stojanović' names 2 people: Moritz Stojanović (mstojanovic), Ömer Stojanović (ostojanovic); give the login or more of the name" \
	"both named with their logins"
expect_fail "a name mistyped" 3 person show "Jürgen Weoß"
eq "$(cat "$ERR")" "hop: there is no person with the login or name 'Jürgen Weoß' (did you mean Jürgen Weiß, jweiss?); 'hop person list --all' shows everyone" \
	"the nearest name is suggested"
expect_fail "a login no one has" 3 person show zed
eq "$(cat "$ERR")" "hop: there is no person with the login 'zed'; 'hop person list --all' shows everyone" \
	"nothing near: the words hop always had"

# Changes by name, and a refused one that changes nothing.
expect_ok "presence set for a name" presence set tue home --for "Jürgen Weiß"
eq "$(sql "SELECT p.login FROM presence x JOIN person p ON p.id = x.person_id")" "jweiss" \
	"the day is Jürgen Weiß's"
before=$(sql "SELECT count(*) FROM presence; SELECT count(*) FROM audit")
expect_fail "presence set for a name two people share" 1 presence set wed home --for Anna
has "$ERR" "'Anna' names 2 people: Anna Berg (aberg), Anna Kühn (akuehn)" "the two Annas"
eq "$(sql "SELECT count(*) FROM presence; SELECT count(*) FROM audit")" "$before" \
	"the refused change changed nothing"
expect_ok "a lead by name" team edit "Referat Z 1 – Personal" --lead "Anna Kühn"
eq "$(sql "SELECT p.login FROM team t JOIN person p ON p.id = t.lead_id WHERE t.name = 'Referat Z 1 – Personal'")" \
	"akuehn" "Anna Kühn leads the team"
expect_ok "the log of a person by name" log --person "Anna Kühn" --wide
has "$OUT" "person:akuehn" "the log names her record"
expect_ok "a calendar by name" export ics --person "Jürgen Weiß"
has "$OUT" "BEGIN:VCALENDAR" "the calendar of Jürgen Weiß"

# ---- teams ----
expect_ok "--team with a hyphen for the en dash" person list --team "Referat Z 2 - Haushalt"
has "$OUT" "jweiss" "the team's members"
expect_ok "team show, lower case and a hyphen" team show "referat z 2 - haushalt"
has "$OUT" "Team: Referat Z 2 – Haushalt (referat-z-2-haushalt)" "the team"
expect_ok "a word of the team's name" week --team Haushalt
expect_ok "assign to a team by a word, the person by name" assign "Ömer Stojanović" Haushalt --from 2027-01-01
has "$OUT" "ostojanovic is in Referat Z 2 – Haushalt" "the move says the team's whole name"
expect_fail "a team mistyped" 3 team show "Referat Z 3 - Haushalt"
eq "$(cat "$ERR")" "hop: there is no team 'Referat Z 3 - Haushalt' (did you mean 'Referat Z 2 – Haushalt'?); 'hop team list' shows the teams" \
	"the nearest team is suggested"
expect_fail "the beginning two teams share" 1 team show "Referat Z"
eq "$(cat "$ERR")" "hop: 'Referat Z' could be 2 teams: 'Referat Z 1 – Personal', 'Referat Z 2 – Haushalt'; give more of the name" \
	"both teams named"

# ---- German ----
if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 "$HOP" person show "Stojanović" >"$OUT" 2>"$ERR"
	eq "$(cat "$ERR")" "hop: 'Stojanović' bezeichnet 2 Personen: Moritz Stojanović (mstojanovic), Ömer Stojanović (ostojanovic); bitte die Kennung oder mehr vom Namen angeben" \
		"German: a name two people share"
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 "$HOP" person show "Jürgen Weoß" >"$OUT" 2>"$ERR"
	has "$ERR" "(gemeint ist wohl Jürgen Weiß, jweiss)" "German: the nearest name"
else
	skip "the locale de_DE.UTF-8 is not installed"
fi

finish
