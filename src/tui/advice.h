/* The screens' advice on core's refusals: how to go on, in the keys of the
 * screens ("d on the Desks screen cancels it"), where the command line names
 * its commands (cli_advice).  Core's sentence names neither. */
#ifndef HOP_TUI_ADVICE_H
#define HOP_TUI_ADVICE_H

#include <stddef.h>
#include "hop/base/err.h"

struct tui;

/* err's sentence followed by the screens' advice for its reason, if any, in
 * buf.  Returns buf. */
const char *tui_advice(const struct hop_err *err, char *buf, size_t size);

/* Show err with its advice in the status line, in the error colour. */
void tui_fail(struct tui *t, const struct hop_err *err);

#endif
