/* Translation: English source strings, German catalogue in src/po/de.po. */
#ifndef HOP_I18N_H
#define HOP_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* setlocale(LC_ALL, "") and bind the "hop" domain.  The catalogue directory is
 * $HOPLOCALEDIR if set (tests, running from the build tree), else the
 * compiled-in LOCALEDIR. */
void i18n_init(void);

/* True when messages are German (for choices gettext cannot make, such as
 * the order of day and month in a heading). */
int i18n_is_german(void);

#endif
