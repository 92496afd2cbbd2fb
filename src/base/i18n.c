/* Locale and message catalogue set-up. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"

void i18n_init(void)
{
	const char *dir = getenv("HOPLOCALEDIR");

	setlocale(LC_ALL, "");
	bindtextdomain("hop", dir && *dir ? dir : HOP_LOCALEDIR);
	bind_textdomain_codeset("hop", "UTF-8");
	textdomain("hop");
}

int i18n_is_german(void)
{
	/* The translators mark the catalogue's language in this one string. */
	return strcmp(gettext(N_("LANGUAGE-CODE:en")), "LANGUAGE-CODE:de") == 0;
}
