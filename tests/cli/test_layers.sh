# The house's arrows (HACKING.md), checked with grep: base below db, db the only
# place that knows SQLite, config and ics beside core knowing no domain, the
# front ends asking core and never the database, screens owning their state,
# no file over 600 lines.
#
# Core speaks no command-line language: its messages say what is wrong and
# name no command ('hop cancel ...') and no option (--any); the command line
# adds its advice from the refusal's reason and facts (src/cli/advice.c), the
# screens theirs (src/tui/advice.c).
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# includes FOLDER... : the groups of hop headers the files of these folders include
includes() { (cd "$ROOT" && grep -rhoE '#include "hop/[a-z_]+/' "$@" 2>/dev/null) |
	sed 's/#include "hop\///; s/\/$//' | sort -u | tr '\n' ' '; }
eq "$(includes src/base include/hop/base)" "base " "base includes only base"
eq "$(includes src/db include/hop/db)" "base db " "db includes only base and db"
eq "$(includes src/config include/hop/config)" "base config " "config includes only base and config"
eq "$(includes src/ics include/hop/ics)" "base ics " "ics includes only base and ics"
# none_in RE FOLDERS DESC: no file in FOLDERS has a line matching RE
none_in() {
	if (cd "$ROOT" && grep -rlE "$1" $2) >"$OUT" 2>/dev/null; then nok "$3: $(tr '\n' ' ' <"$OUT")"
	else ok "$3"; fi
}
none_in 'include "hop/(demo|cli|tui)/' "src/core include/hop/core" "core includes neither demo nor a front end"
none_in 'include "hop/db/' "src/cli src/tui include/hop/cli include/hop/tui" "the front ends never include db"
none_in 'sqlite3|SQLITE_' "src/base src/core src/demo src/cli src/tui src/ics src/config include/hop/base include/hop/core include/hop/cli include/hop/tui" \
	"only db knows SQLite"
# Core's SQL is a literal given to db_stmt: statements made at run time
# (db_raw.h) and SQLite's own handle (db_sqlite.h) are the tests' and tools'.
none_in 'include "hop/db/db_(raw|sqlite)\.h"' "src/base src/core src/demo src/cli src/tui src/ics src/config src/main.c" \
	"only db and the tests make statements at run time"
none_in 'curses' "src/base src/db src/core src/demo src/cli src/ics src/config" "only the TUI knows curses"
none_in '^extern struct [a-z_]+ [A-Za-z_]+;' "src/tui" "no screen shares its state as a global"
big=$(cd "$ROOT" && find src include tests -name '*.[ch]' -exec wc -l {} + | awk '$2 != "total" && $1 > 600 {print $2}')
eq "$big" "" "no source file over 600 lines"

# Line by line, the quick look: a message string that starts a command.
hits=$(cd "$ROOT" && grep -rnE "_\(\"[^\"]*'hop [a-z]" src/core)
eq "$hits" "" "no _(\"...'hop ...\") in src/core"

# Every message of core whole, as xgettext reads it (strings over several
# lines, ngettext's plural too): no command, no option.
if command -v xgettext >/dev/null 2>&1 && command -v msggrep >/dev/null 2>&1; then
	(cd "$ROOT" && xgettext --language=C --keyword=_ --keyword=N_ --from-code=UTF-8 \
		-o "$SCRATCH/core.pot" $(ls src/core/*.c src/core/*/*.c)) 2>"$SCRATCH/xgettext.err"
	n=$(grep -c '^msgid "[^"]' "$SCRATCH/core.pot")
	[ "$n" -ge 300 ] && ok "xgettext found $n messages in src/core" ||
		nok "xgettext found only $n messages in src/core: $(head -c 300 "$SCRATCH/xgettext.err")"
	# msggrep refuses a catalogue without a charset (xgettext leaves one
	# only when every string is ASCII); a refusal must not pass for "none".
	sed -i 's/charset=CHARSET/charset=UTF-8/' "$SCRATCH/core.pot"
	for what in commands options; do
		case $what in
		(commands) re="'hop [a-z]" desc="names a hop command";;
		(options) re="(^|[ ('\"])--[a-z]" desc="names a command-line option";;
		esac
		# No match writes no file at all.
		if msggrep --msgid -E -e "$re" -o "$SCRATCH/$what.po" "$SCRATCH/core.pot" \
			2>"$SCRATCH/msggrep.err"; then
			found=$([ ! -f "$SCRATCH/$what.po" ] || grep -A3 '^#:' "$SCRATCH/$what.po")
			eq "$found" "" "no message in src/core $desc"
		else
			nok "msggrep failed: $(head -c 300 "$SCRATCH/msggrep.err")"
		fi
	done
else
	skip "xgettext/msggrep not installed: core's messages are checked line by line only"
fi

# The command line still says how to go on, from the reason and its facts.
cd "$SCRATCH" || exit 1
expect_ok "init" init --name "Test Admin"
expect_fail "an unknown person" 3 person show nemo
eq "$(cat "$ERR")" "hop: there is no person with the login 'nemo'; 'hop person list --all' shows everyone" \
	"core's sentence, then the command line's advice"
expect_ok "a site" site add Haus
expect_ok "a zone" zone add Haus "3. OG" Süd
expect_fail "a zone the site lacks" 3 desk add 1.10 --zone "Haus/3. OG/West"
eq "$(cat "$ERR")" "hop: site 'Haus' has no zone 'West' on a floor '3. OG'; 'hop zone list --site \"Haus\"' shows its zones" \
	"the advice names the site's zones"
expect_ok "a desk" desk add 1.08 --zone Süd
expect_ok "booked" book 2026-11-24 1.08
expect_ok "a second desk" desk add 1.09 --zone Süd
expect_fail "one desk per person" 5 book 2026-11-24 1.09
eq "$(cat "$ERR")" "hop: you have already booked desk 1.08 on Tue 24 Nov 2026 (all day), and one person holds one desk at a time; cancel it first with 'hop cancel 2026-11-24 1.08'" \
	"the command that frees it, with the facts of the refusal"

finish
