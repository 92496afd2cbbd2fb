# The dispatcher: help, version, usage errors, exit statuses, the clock.
. "$(dirname "$0")/lib.sh"

expect_ok "hop --help exits 0" --help
has "$OUT" "Usage: hop" "--help shows the usage line"
has "$OUT" "person list" "--help lists the commands"
expect_ok "hop help exits 0" help
has "$OUT" "All commands:" "help lists commands"
has "$OUT" "Every day:" "help lists the daily commands first"
expect_ok "hop --version" --version
has "$OUT" "hop 0." "version printed"
expect_ok "hop version" version
expect_ok "hop help person" help person
has "$OUT" "hop person add" "help person lists its sub-commands"
has "$OUT" "hop person list" "help person lists list"
expect_ok "hop help person list" help person list
has "$OUT" "--format" "help person list shows options"
expect_ok "hop person list --help" person list --help
has "$OUT" "Usage: hop person list" "COMMAND --help shows that command's usage"
expect_ok "hop person --help" person --help

expect_fail "unknown command exits 2" 2 frobnicate
has "$ERR" "unknown command 'frobnicate'" "unknown command named"
has "$ERR" "hop --help" "points to --help"
expect_fail "missing sub-command exits 2" 2 person
has "$ERR" "hop person list" "missing sub-command shows the usage"
expect_fail "unknown sub-command exits 2" 2 person frob
has "$ERR" "has no sub-command 'frob'" "unknown sub-command named"
expect_fail "unknown global option exits 2" 2 --frob
has "$ERR" "unknown option '--frob'" "unknown global option named"
expect_fail "help on unknown command" 2 help frob

# No database yet: a clear message that says what to do.
expect_fail "missing database" 3 person list
has "$ERR" "hop init" "missing database message says how to create one"

expect_ok "init" init
expect_fail "unknown option of a command exits 2" 2 person list --frob
has "$ERR" "unknown option '--frob'" "unknown command option named"
has "$ERR" "hop help person list" "points to the command's help"
expect_fail "option without value exits 2" 2 person list --team
has "$ERR" "needs a value" "missing option value named"
# A typo is answered with what was meant; a prefix is no option of its own.
expect_fail "mistyped command" 2 boook
has "$ERR" "unknown command 'boook'; did you mean 'book'?" "the command meant is named"
expect_fail "mistyped sub-command" 2 presence shwo
has "$ERR" "did you mean 'presence show'?" "the sub-command meant is named"
expect_fail "a prefix of --format is not --format" 2 team list --for dlang
has "$ERR" "unknown option '--for'; the options are --all, --format" "the options are named"
# presence show takes --for as the other presence commands do: a person.
expect_fail "presence show --for a person" 3 presence show --for dlang
has "$ERR" "there is no person with the login 'dlang'" "--for names a person, not --format"
expect_fail "mistyped option" 2 who --tem x
has "$ERR" "unknown option '--tem'; did you mean '--team'?" "the option meant is named"
expect_ok "an option's value may look like an option" person list --search --team
expect_ok "who without a date means today" who
expect_ok "a day without the last dot" free 27.11 --format csv

HOP_TODAY=2026-13-45 run person list
eq "$RC" 1 "malformed HOP_TODAY refused"
has "$ERR" "HOP_TODAY" "malformed HOP_TODAY named"

# The TUI needs a terminal: without one, a message instead of a broken screen.
run </dev/null
eq "$RC" 1 "hop without a terminal exits 1"
has "$ERR" "needs a terminal" "hop without a terminal explains why"

finish
