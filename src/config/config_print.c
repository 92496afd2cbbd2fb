/* Writing the effective settings as a hop.ini that loads back to the same. */
#include <stdio.h>
#include <string.h>

#include "hop/config/config.h"
#include "hop/base/i18n.h"

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Quotes only where iniparser would otherwise read a different value. */
static void print_value(FILE *out, const char *v)
{
	size_t n = strlen(v);
	bool quote = strpbrk(v, ";#") || v[0] == '"' || v[0] == '\'' ||
	             (n > 0 && (blank(v[0]) || blank(v[n - 1]) || v[n - 1] == '\\'));

	if (!n)
		fputc('\n', out);
	else if (!quote)
		fprintf(out, " %s\n", v);
	else if (!strchr(v, '"'))
		fprintf(out, " \"%s\"\n", v);
	else
		/* With both kinds of quote and a ';' or '#', no file can hold the
		 * value (iniparser has no escapes), so none was read from one. */
		fprintf(out, " '%s'\n", v);
}

void config_print(const struct hop_config *cfg, FILE *out)
{
	const char *section = NULL;
	char value[HOP_PATH_MAX];

	for (size_t i = 0; i < config_key_count; i++) {
		const struct config_key *k = &config_keys[i];

		if (!section || strcmp(section, k->section) != 0) {
			fprintf(out, "%s[%s]\n", section ? "\n" : "", k->section);
			section = k->section;
		}
		config_key_format(k, cfg, value, sizeof value);
		if (k->type == CONFIG_INT)
			fprintf(out, _("# %s (%d to %d)\n"), _(k->help), k->min, k->max);
		else
			fprintf(out, "# %s\n", _(k->help));
		fprintf(out, "%s =", k->key);
		print_value(out, value);
	}
}
