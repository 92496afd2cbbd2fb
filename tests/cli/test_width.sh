# Tables fit 80 columns when the output is no terminal and COLUMNS is unset,
# COLUMNS when it is set, and every column at full width with --wide; what
# is left out is named on a last line; CSV and JSON never change.  The daily
# commands on the demo organisation, in English and German.
. "$(dirname "$0")/lib.sh"

# widest FILE: the widest line in display columns
widest() { wc -L <"$1" | tr -d ' '; }
# fits DESC WIDTH CMD...: hop CMD exits 0 and no line is wider than WIDTH
fits() {
	d=$1 w=$2; shift 2
	run "$@"
	if [ "$RC" -ne 0 ]; then nok "$d (exit $RC: $(head -c 300 "$ERR"))"
	elif [ "$(widest "$OUT")" -le "$w" ]; then ok "$d: $(widest "$OUT") columns"
	else nok "$d: $(widest "$OUT") columns, wider than $w: $(awk -v w="$w" 'length($0) > w' "$OUT" | head -3)"; fi
}

expect_ok "the demo organisation" init --demo
# A lead's view of the week: the demo's bookings begin today.
export HOP_USER=tmenzel

for c in "who" "who tomorrow" "bookings --team Innerer Dienst" "free" "free --rooms" "log" \
	"week" "week --week +7" "presence show" "check" "forecast" "session list" \
	"person list" "team list" "desk list" "room list" "holidays" "training status" \
	"onboarding todo" "onboarding list" "mentor list" "rotation due"; do
	# shellcheck disable=SC2086
	case $c in
	"bookings --team Innerer Dienst") fits "80 columns: $c" 80 bookings --team "Innerer Dienst";;
	*) fits "80 columns: $c" 80 $c;;
	esac
done

# Wider without a limit, and as wide as COLUMNS says.
run who --wide
[ "$(widest "$OUT")" -gt 100 ] && ok "--wide: who at full width ($(widest "$OUT") columns)" ||
	nok "--wide: who only $(widest "$OUT") columns wide"
hasnt "$OUT" "…" "--wide cuts nothing"
hasnt "$OUT" "not shown" "--wide leaves nothing out"
has "$OUT" "Dienstgebäude Mitte" "--wide shows the site"
run who
has "$OUT" "(not shown: Kind, Site, Floor; --wide shows every column)" \
	"80 columns: the columns left out are named"
hasnt "$OUT" "Dienstgebäude" "80 columns: the site is left out"
COLUMNS=60 fits "COLUMNS=60: who" 60 who
COLUMNS=200 run who
[ "$(widest "$OUT")" -gt 100 ] && ok "COLUMNS=200: who at full width" ||
	nok "COLUMNS=200: who only $(widest "$OUT") columns wide"
COLUMNS=abc fits "COLUMNS that is no number: 80" 80 who

# Logins, desk codes and dates are never cut; names give way with "…".
run bookings --team "Innerer Dienst" --format csv
sed 1d "$OUT" | cut -d, -f1 | sort -u >"$SCRATCH/days.csv"
run bookings --team "Innerer Dienst"
awk 'NR > 2 && /^[0-9]/ { print $1 }' "$OUT" | sort -u >"$SCRATCH/days.table"
if cmp -s "$SCRATCH/days.csv" "$SCRATCH/days.table"; then ok "every day whole at 80 columns"
else nok "days differ: $(diff "$SCRATCH/days.csv" "$SCRATCH/days.table" | head -5)"; fi
run log --limit 5
awk 'NR > 2 && /^20/ && $1 !~ /^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z$/' "$OUT" >"$SCRATCH/bad"
eq "$(wc -l <"$SCRATCH/bad" | tr -d ' ')" "0" "the log's times whole at 80 columns"
# The log's detail goes on under itself rather than being cut.
run log --limit 0
grep -q '^                    *[^ ]' "$OUT" &&
	ok "a long detail of the log goes on on the next line" ||
	nok "no detail continued: $(head -8 "$OUT")"

# The machine formats are the same at any width.
for f in csv tsv json; do
	run who --format "$f"
	cp "$OUT" "$SCRATCH/who.$f"
	COLUMNS=40 run who --format "$f"
	if cmp -s "$OUT" "$SCRATCH/who.$f"; then ok "$f: the same at 40 columns"
	else nok "$f differs at 40 columns"; fi
	run who --format "$f" --wide
	if cmp -s "$OUT" "$SCRATCH/who.$f"; then ok "$f: the same with --wide"
	else nok "$f differs with --wide"; fi
done

# --wide belongs to tables.
expect_fail "book takes no --wide" 2 book tomorrow --wide
has "$ERR" "unknown option '--wide'" "named as unknown"
run help who
has "$OUT" "[--wide]" "the usage of who names --wide"
has "$OUT" "  --wide           every column at full width (default: fit the terminal)" \
	"the help of who explains --wide"
run help team show
has "$OUT" "--wide" "team show takes --wide"

# The week grid: days whole, names cut.
run week
for d in "Mon 23.11." "Tue 24.11." "Wed 25.11." "Thu 26.11." "Fri 27.11."; do
	has "$OUT" "$d" "the week's header has $d whole"
done
run week --wide
[ "$(widest "$OUT")" -gt 80 ] && ok "--wide: the week as wide as it always was" ||
	nok "--wide: the week only $(widest "$OUT") columns"

if locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
	export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8
	for c in who week free bookings log; do
		fits "German, 80 columns: $c" 80 $c
	done
	run who
	has "$OUT" "(nicht angezeigt:" "German: the columns left out are named"
	has "$OUT" "--wide zeigt alle Spalten)" "German: --wide named"
	run help who
	has "$OUT" "heute" "German help: today is heute"
	has "$OUT" "morgen" "German help: tomorrow is morgen"
	hasnt "$OUT" "tomorrow" "German help: no English date word"
	run help book
	has "$OUT" "heute, morgen, do, +3" "German help of book: German date words"
	has "$OUT" "(monitor,ruhig)" "German help of book: German attribute words"
	hasnt "$OUT" "quiet" "German help of book: no English attribute word"
	for c in free "desk add" "room add"; do
		run help $c
		hasnt "$OUT" "quiet" "German help of $c: no English attribute word"
		hasnt "$OUT" "accessible" "German help of $c: barrierefrei, not accessible"
	done
	run free --help
	has "$OUT" "(monitor,ruhig)" "German help of free: German attribute words"
	expect_fail "German: a word that is no date" 1 who übermorgn
	has "$ERR" "heute, morgen, +N" "German: the refusal names German words"
	export LC_ALL=C.UTF-8 LANG=C.UTF-8
else
	skip "the locale de_DE.UTF-8 is not installed: German at 80 columns not checked"
fi

finish
