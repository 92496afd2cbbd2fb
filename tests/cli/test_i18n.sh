# hop speaks German under a German locale and English under C.UTF-8; the
# machine formats (csv, tsv, json keys, role keywords, ISO dates) are the same
# in both.  Also checks that src/po/de.po translates every message in the
# sources, with matching printf directives.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# The catalogue built beside the binary, unless the caller says otherwise.
: "${HOPLOCALEDIR:=$(dirname "$HOP")/locale}"
export HOPLOCALEDIR
DE=de_DE.UTF-8
CONF="$SCRATCH/hop.ini"

if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	skip "the locale $DE is not installed (no de_DE.utf8 in 'locale -a'); generate it with locale-gen to test the German messages"
	finish
	exit
fi

german()  { export LC_ALL=$DE LANG=$DE; unset LANGUAGE; }
english() { export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset LANGUAGE; }
dump()    { db_dump; }

# ---- the catalogue itself ----
MO="$HOPLOCALEDIR/de/LC_MESSAGES/hop.mo"
[ -s "$MO" ] && ok "the German catalogue is built ($MO)" || nok "no German catalogue at $MO"

if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
	# Extract what the sources say now (as 'make pot' does, plus the command
	# table) and merge the catalogue into it: nothing may be left over.
	(cd "$ROOT" && xgettext --language=C --keyword=_ --keyword=N_ --from-code=UTF-8 \
		-o "$SCRATCH/hop.pot" $(ls src/*/*.c src/core/*/*.c src/main.c include/hop/*/*.h include/hop/*/*/*.h src/cli/commands.def src/cli/training.def)) \
		2>"$SCRATCH/xgettext.err"
	msgmerge --quiet --no-fuzzy-matching "$ROOT/src/po/de.po" "$SCRATCH/hop.pot" \
		-o "$SCRATCH/de.po" 2>"$SCRATCH/msgmerge.err"
	msgattrib --no-obsolete -o "$SCRATCH/de.po" "$SCRATCH/de.po"
	stats=$(msgfmt --check --statistics -o /dev/null "$SCRATCH/de.po" 2>&1)
	case "$stats" in
	([0-9]*" translated messages.") ok "de.po translates every message in the sources ($stats)";;
	(*) nok "de.po is incomplete or inconsistent: $stats; missing: $(msgattrib --untranslated "$SCRATCH/de.po" | grep '^msgid "[^"]' | head -5 | tr '\n' ' ')";;
	esac
	msgfmt --check -o /dev/null "$ROOT/src/po/de.po" 2>"$SCRATCH/msgfmt.err" &&
		ok "msgfmt --check accepts de.po (printf directives and newlines match)" ||
		nok "msgfmt --check: $(head -c 600 "$SCRATCH/msgfmt.err")"
	eq "$(msgattrib --only-fuzzy "$ROOT/src/po/de.po" | grep -c '^msgid')" 0 "de.po has no fuzzy entry"
else
	skip "xgettext/msgmerge not installed: the completeness of de.po is not checked"
fi

# ---- German ----
german
expect_ok "German: hop --help" --help
has "$OUT" "Aufruf: hop" "German: --help says Aufruf"
has "$OUT" "Befehle:" "German: --help lists the Befehle"
# An uninstalled binary finds the catalogue built beside it, without HOPLOCALEDIR.
env -u HOPLOCALEDIR "$HOP" --help >"$SCRATCH/beside.txt" 2>&1
has "$SCRATCH/beside.txt" "Aufruf: hop" "German: an uninstalled hop finds its catalogue beside the binary"
has "$OUT" "Allgemeine Optionen:" "German: --help heading of the global options"
has "$OUT" "  --config DATEI  diese Konfigurationsdatei lesen (siehe hop.ini(5))" \
	"German: global option help, option name untranslated, column kept"
has "$OUT" "  person list          Personen auflisten" \
	"German: command names stay, their summaries are German"
has "$OUT" "  init                 Datenbank anlegen, leer oder mit einer Demo-Organisation" \
	"German: the summary of init"
hasnt "$OUT" "List people" "German: no English summary left in --help"

expect_ok "German: hop help person list" help person list
has "$OUT" "Aufruf: hop person list [--team TEAM] [--all] [--search TEXT] [--format FORMAT]" \
	"German: the synopsis of person list"
has "$OUT" "  --all            auch ausgeschiedene Personen" "German: option help aligned as in English"
has "$OUT" "  --format FORMAT  table (Standard), csv, tsv oder json" \
	"German: format keywords stay untranslated"
# Every option line of 'person edit' starts its description in one column.
expect_ok "German: hop help person edit" help person edit
cols=$(grep '^  --' "$OUT" | awk '{ match($0, /^  --[a-z-]+ [^ ]+ +/); print RLENGTH }' | sort -u)
eq "$(printf '%s\n' "$cols" | wc -l | tr -d ' ')" 1 "German: person edit's option descriptions share one column ($(echo $cols))"
has "$OUT" "  --remove-role ROLLEN  Rollen entziehen" "German: person edit option help"

expect_fail "German: no database" 3 person list
has "$ERR" "hop: Keine Datenbank unter $DB_SHOWN; legen Sie eine mit 'hop init' an (oder mit 'hop init --demo' für eine Demo-Organisation)" \
	"German: the missing database is named, with what to do"

expect_ok "German: hop init --demo" init --demo
has "$OUT" "$DB_SHOWN angelegt: 60 Personen in 6 Teams; Sie sind 'tester' (employee,hr,admin)." \
	"German: init says what it created; role keywords stay"

expect_ok "German: hop whoami" whoami
has "$OUT" "Kennung:       tester" "German: whoami's login line"
has "$OUT" "Datenbank:     $DB_SHOWN (aus \$HOP_DB)" "German: whoami says where the database came from"
has "$OUT" "Rollen:        employee,hr,admin" "German: whoami's roles as keywords"

expect_ok "German: hop person list at 80 columns" person list
has "$OUT" "(nicht angezeigt: E-Mail, Eintritt; --wide zeigt alle Spalten)" \
	"German: a table at 80 columns names what it leaves out"
expect_ok "German: hop person list --wide" person list --wide
head -n 1 "$OUT" >"$SCRATCH/head.de"
for h in Kennung Name E-Mail Team Rollen Eintritt Austritt; do
	has "$SCRATCH/head.de" "$h" "German: table header '$h'"
done
hasnt "$SCRATCH/head.de" "Login" "German: no English table header"
grep -q '^dlang  .* employee  *2009-11-03' "$OUT" && ok "German: values stay as they are (role keyword, ISO date)" ||
	nok "German: the row of dlang: $(grep '^dlang' "$OUT")"

for f in csv tsv json; do
	expect_ok "German: person list --format $f" person list --format "$f"
	cp "$OUT" "$SCRATCH/list.de.$f"
done
eq "$(head -n 1 "$SCRATCH/list.de.csv" | tr -d '\r')" "login,name,email,team,roles,start,end" "German: csv keys stay English"
eq "$(head -n 1 "$SCRATCH/list.de.tsv" | tr -d '\r' | tr '\t' ,)" "login,name,email,team,roles,start,end" "German: tsv keys stay English"
has "$SCRATCH/list.de.json" '{"login": "dlang", "name": "Daniel Lang", "email": "dlang@hop.invalid"' \
	"German: json keys stay English"
hasnt "$SCRATCH/list.de.json" "Kennung" "German: no German key in json"

expect_fail "German: unknown command" 2 frobnicate
has "$ERR" "hop: Unbekannter Befehl 'frobnicate'" "German: the unknown command is named"
has "$ERR" "Versuchen Sie 'hop --help'." "German: the hint after a usage error"
expect_fail "German: person add without a login" 2 person add
has "$ERR" "hop: Geben Sie die KENNUNG der neuen Person an" "German: a missing argument"
has "$ERR" "Versuchen Sie 'hop help person add'." "German: the hint names the command"
expect_fail "German: an impossible date" 1 person edit dlang --start 31.02.2026
has "$ERR" "hop: '31.02.2026' ist kein Datum: Der Februar 2026 hat 28 Tage" \
	"German: the date error names the month in German"

# An employee may change only their own record: the refusal, in German.
EMPLOYEE=$(awk -F, 'NF == 7 && $5 == "employee" { print $1; exit }' "$SCRATCH/list.de.csv")
EMP_TEAM=$(awk -F, -v l="$EMPLOYEE" '$1 == l { print $4 }' "$SCRATCH/list.de.csv")
OTHER=$(awk -F, -v t="$EMP_TEAM" 'NR > 1 && NF == 7 && $5 == "employee" && $4 != t { print $1; exit }' "$SCRATCH/list.de.csv")
OTHER_NAME=$(awk -F, -v l="$OTHER" '$1 == l { print $2 }' "$SCRATCH/list.de.csv")
[ -n "$EMPLOYEE" ] && [ -n "$OTHER" ] && ok "the demo has an employee ($EMPLOYEE) and a colleague in another team ($OTHER)" ||
	nok "no employee and colleague found in: $(head -c 400 "$SCRATCH/list.de.csv")"
before=$(dump)
HOP_USER=$EMPLOYEE
expect_fail "German: an employee edits a colleague" 4 person edit "$OTHER" --email x@y.de
has "$ERR" "hop: Sie dürfen nur Ihren eigenen Namen und Ihre E-Mail-Adresse ändern; den Datensatz von $OTHER_NAME können" \
	"German: the refusal says what the employee may do and whose record it is"
has "$ERR" "Personal und Administration" "German: the refusal names who may do it"
HOP_USER=tester
eq "$(dump)" "$before" "German: the refused edit changed nothing"

# A bad configuration file: file and line intact, the rest German.
printf '[organisation]\nname = Bundesamt für Beispiele\nfoo bar\n' >"$CONF"
expect_fail "German: a malformed config line" 1 --config "$CONF" person list
has "$ERR" "$CONF:3: Fehlerhafte Zeile 'foo bar': erwartet wird '[Abschnitt]', 'Schlüssel = Wert' oder ein Kommentar" \
	"German: the malformed line with file and line number"
printf '[organisation]\nnmae = Amt\n' >"$CONF"
expect_fail "German: a misspelt config key" 1 --config "$CONF" person list
has "$ERR" "$CONF:2: [organisation] nmae: Unbekannter Schlüssel; meinten Sie name?" \
	"German: the unknown key with file, line, section and a suggestion"
cp "$ERR" "$SCRATCH/conf.de.err"

# ---- the same under C.UTF-8: English ----
english
expect_ok "English: hop --help" --help
has "$OUT" "Usage: hop" "English: --help says Usage"
has "$OUT" "All commands:" "English: --help lists the Commands"
has "$OUT" "  person list          List people" "English: the summaries are English"
hasnt "$OUT" "Befehle" "English: no German in --help"

expect_ok "English: hop person list" person list --wide
head -n 1 "$OUT" >"$SCRATCH/head.en"
has "$SCRATCH/head.en" "Login" "English: table header Login"
has "$SCRATCH/head.en" "E-mail" "English: table header E-mail"
hasnt "$SCRATCH/head.en" "Kennung" "English: no German table header"
for f in csv tsv json; do
	run person list --format "$f"
	if cmp -s "$OUT" "$SCRATCH/list.de.$f"; then ok "$f output is the same under both locales"
	else nok "$f output differs between the locales: $(diff "$SCRATCH/list.de.$f" "$OUT" | head -5)"; fi
done

expect_fail "English: unknown command" 2 frobnicate
has "$ERR" "hop: unknown command 'frobnicate'" "English: the unknown command"
hasnt "$ERR" "Unbekannter" "English: no German in the error"

HOP_USER=$EMPLOYEE
expect_fail "English: an employee edits a colleague" 4 person edit "$OTHER" --email x@y.de
has "$ERR" "hop: you may change only your own name and e-mail" "English: the refusal"
HOP_USER=tester
eq "$(dump)" "$before" "English: the refused edit changed nothing"

printf '[organisation]\nname = Bundesamt für Beispiele\nfoo bar\n' >"$CONF"
expect_fail "English: a malformed config line" 1 --config "$CONF" person list
has "$ERR" "$CONF:3: malformed line 'foo bar': expected '[section]', 'key = value' or a comment" \
	"English: the malformed line"
HOP_DB=$SCRATCH/none.db
expect_fail "English: no database" 3 person list
has "$ERR" "hop: no database at $HOP_DB" "English: the missing database"

finish
