/* Free text a person types — a note, a reason, a title — obeys one rule
 * wherever it is stored: within its length, and on one line without control
 * characters.  A note goes to terminals ('hop week', the screens) and into
 * feeds, where an escape sequence would clear a reader's screen or a line
 * break would forge a property. */
#ifndef HOP_TEXT_CHECK_H
#define HOP_TEXT_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/err.h"

/* Does text hold a control character: C0 (ESC, BEL, line break, tab), DEL,
 * or C1 (U+0080..U+009F, which some terminals obey like ESC [)? */
bool text_has_control(const char *text);

/* text (NULL: nothing to check) at most max bytes, without control
 * characters; what names it in the refusal, translated: _("the note"). */
enum hop_status text_check(const char *text, size_t max, const char *what,
                           struct hop_err *err);
/* Only the control characters, where the length has its own refusal. */
enum hop_status text_check_line(const char *text, const char *what, struct hop_err *err);

#endif
