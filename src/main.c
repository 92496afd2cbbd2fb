/* hop: a hybrid-office and personnel planner for the terminal. */
#include <stdlib.h>

#include "hop/cli/cli.h"
#include "hop/base/date.h"
#include "hop/base/i18n.h"

int main(int argc, char **argv)
{
	const char *today = getenv("HOP_TODAY");
	hop_date d;

	i18n_init();
	/* The clock cannot report a bad $HOP_TODAY itself; refuse it here. */
	if (today && *today && !date_parse_iso(today, &d))
		return cli_failf(HOP_EINVAL, _("$HOP_TODAY='%s' is not a date; use YYYY-MM-DD"),
		                 today);
	return cli_main(argc, argv);
}
