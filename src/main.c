/* hop: a hybrid-office and personnel planner for the terminal. */

#include "hop/cli/cli.h"
#include "hop/base/date.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"

int main(int argc, char **argv)
{
	const char *today;
	hop_date d;

	/* Before anything reads the environment or opens a file. */
	priv_init();
	today = priv_getenv("HOP_TODAY");
	i18n_init();
	/* The clock cannot report a bad $HOP_TODAY itself; refuse it here. */
	if (today && *today && !date_parse_iso(today, &d))
		return cli_failf(HOP_EINVAL, _("$HOP_TODAY='%s' is not a date; use YYYY-MM-DD"),
		                 today);
	return cli_main(argc, argv);
}
