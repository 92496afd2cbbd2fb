/* Shared by the presence commands (cmd_presence.c, cmd_teamday.c, cmd_week.c). */
#ifndef HOP_CMD_PRESENCE_H
#define HOP_CMD_PRESENCE_H

#include "hop/base/date.h"

/* The Monday of --week's text (any form date_parse_week takes; NULL = this
 * week).  0, or the exit status after printing the error. */
int cli_week_arg(const char *text, hop_date *monday);

#endif
