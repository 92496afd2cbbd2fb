/* Locale and message catalogue set-up. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hop/base/i18n.h"
#include "hop/base/priv.h"

/* Is there a catalogue of hop under dir (any language)?  German is the one
 * hop ships, so its file stands for all. */
static int has_catalogue(const char *dir)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof path, "%s/de/LC_MESSAGES/hop.mo", dir) >= (int)sizeof path)
		return 0;
	return access(path, R_OK) == 0;
}

/* An uninstalled ./hop (or build/hop) speaks the language of its locale
 * too: when the installed directory has no catalogue, the one built beside
 * the binary is used (build/locale next to ./hop, locale next to build/hop). */
static const char *beside_binary(char *buf, size_t size)
{
	static const char *const rel[] = { "build/locale", "locale" };
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	for (size_t i = 0; i < sizeof rel / sizeof *rel; i++)
		if (snprintf(buf, size, "%s/%s", exe, rel[i]) < (int)size && has_catalogue(buf))
			return buf;
	return NULL;
}

void i18n_init(void)
{
	static char found[PATH_MAX];
	/* A catalogue of the caller's choosing would hand hop its format
	 * strings: a privileged hop reads the installed one only. */
	const char *dir = priv_getenv("HOPLOCALEDIR");

	setlocale(LC_ALL, "");
	if (!dir || !*dir) {
		dir = HOP_LOCALEDIR;
		if (!hop_privileged() && !has_catalogue(dir)) {
			const char *near = beside_binary(found, sizeof found);
			if (near)
				dir = near;
		}
	}
	bindtextdomain("hop", dir);
	bind_textdomain_codeset("hop", "UTF-8");
	textdomain("hop");
}

int i18n_is_german(void)
{
	/* The translators mark the catalogue's language in this one string. */
	return strcmp(gettext(N_("LANGUAGE-CODE:en")), "LANGUAGE-CODE:de") == 0;
}
