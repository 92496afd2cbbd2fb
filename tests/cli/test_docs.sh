# Documentation stays complete: every command in hop(1), every key in hop.ini(5)
# and in the sample configuration, and both man pages clean under mandoc -Tlint.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if command -v mandoc >/dev/null 2>&1; then
	for m in hop.1 hop.ini.5; do
		if mandoc -Tlint -Wwarning "$ROOT/man/$m" >"$OUT" 2>&1; then ok "mandoc -Tlint $m clean"
		else nok "mandoc -Tlint $m: $(head -5 "$OUT")"; fi
	done
else
	skip "mandoc not installed"
fi

# Commands as 'hop --help' lists them: "  name sub   summary".
"$HOP" --help | sed -n '/^All commands:/,$p' |
	sed -n 's/^  \([a-z]\{1,\}\( [a-z]\{1,\}\)\{0,1\}\)  .*/\1/p' | sort -u >"$SCRATCH/cmds"
n=$(wc -l <"$SCRATCH/cmds")
[ "$n" -ge 10 ] && ok "found $n commands in --help" || nok "only $n commands in --help"
while read -r name sub; do
	if [ -n "$sub" ]; then pat="Cm $name $sub"; else pat="Cm $name"; fi
	if grep -q "^\.\(It \)\{0,1\}Nm $pat\( \|$\)" "$ROOT/man/hop.1"; then ok "hop.1 documents '$name $sub'"
	else nok "hop.1 lacks '.It Nm $pat'"; fi
done <"$SCRATCH/cmds"

# Every configuration key: in the effective settings, the man page, the sample.
"$HOP" config check "$ROOT/sample-config/hop.ini" >"$OUT" 2>"$ERR"
eq "$?" 0 "the sample configuration is valid"
sed -n 's/^\([a-z_]*\) *=.*/\1/p' "$OUT" | sort -u >"$SCRATCH/keys"
n=$(wc -l <"$SCRATCH/keys")
[ "$n" -ge 12 ] && ok "found $n configuration keys" || nok "only $n configuration keys"
while read -r key; do
	grep -q "^\.It Cm $key\( \|$\)" "$ROOT/man/hop.ini.5" && ok "hop.ini.5 documents $key" ||
		nok "hop.ini.5 lacks '.It Cm $key'"
	grep -q "^[;#]* *$key *=" "$ROOT/sample-config/hop.ini" && ok "sample hop.ini has $key" ||
		nok "sample-config/hop.ini lacks $key"
done <"$SCRATCH/keys"

finish
