/* Shared by the desk and room commands (cmd_desk.c, cmd_desk_show.c). */
#ifndef HOP_CMD_DESK_H
#define HOP_CMD_DESK_H

#include <stdbool.h>
#include "hop/cli/cli.h"
#include "hop/core/places/place.h"

/* "room" or "desk": the command family, for usage messages. */
const char *cli_place_family(bool room);
/* Exactly one CODE left in argv: 0, or the exit status after the usage error. */
int cli_place_one_code(bool room, const char *sub, int argc, char **argv);
/* The place CODE, which must be of the command's family (a desk is not
 * retired by 'hop room retire'): 0, or the exit status after the error. */
int cli_place_get(struct cli_ctx *ctx, bool room, const char *sub, const char *code,
                  struct hop_desk *d);

#endif
