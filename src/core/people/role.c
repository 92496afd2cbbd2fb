/* Roles: parsing what people type (English or German), and naming them. */
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/people/person.h"

/* Words accepted for each role, compared after folding (case and umlauts). */
static const struct {
	const char *word;
	unsigned role;
} role_words[] = {
	{ "employee", ROLE_EMPLOYEE }, { "mitarbeiter", ROLE_EMPLOYEE },
	{ "mitarbeiterin", ROLE_EMPLOYEE },
	{ "lead", ROLE_LEAD }, { "leitung", ROLE_LEAD }, { "führungskraft", ROLE_LEAD },
	{ "hr", ROLE_HR }, { "personal", ROLE_HR },
	{ "facilities", ROLE_FACILITIES }, { "facility", ROLE_FACILITIES },
	{ "liegenschaften", ROLE_FACILITIES }, { "liegenschaft", ROLE_FACILITIES },
	{ "admin", ROLE_ADMIN }, { "administration", ROLE_ADMIN },
};

/* English names in the order of enum hop_role. */
static const char *const role_names[] = { "employee", "lead", "hr", "facilities", "admin" };

#define ROLE_WORD_MAX 64

enum hop_status role_parse(const char *text, unsigned *roles, struct hop_err *err)
{
	const char *p = text ? text : "";
	unsigned r = 0;

	while (*p) {
		char word[ROLE_WORD_MAX + 1], folded[ROLE_WORD_MAX + 1], cand[ROLE_WORD_MAX + 1];
		size_t len = strcspn(p, ",;+| \t\n");
		bool found = false;

		if (len == 0) {
			p++;
			continue;
		}
		if (len > ROLE_WORD_MAX)
			return hop_fail(err, HOP_EINVAL, _("a role name of %zu characters is not a "
			                "role; the roles are employee, lead, hr, facilities and admin "
			                "(German: mitarbeiter, leitung, personal, liegenschaften, admin)"),
			                len);
		memcpy(word, p, len);
		word[len] = '\0';
		fold_text(word, FOLD_COLLAPSE, folded, sizeof folded);
		for (size_t i = 0; i < sizeof role_words / sizeof role_words[0]; i++) {
			fold_text(role_words[i].word, FOLD_COLLAPSE, cand, sizeof cand);
			if (strcmp(folded, cand) == 0) {
				r |= role_words[i].role;
				found = true;
				break;
			}
		}
		if (!found)
			return hop_fail(err, HOP_EINVAL, _("'%s' is not a role; the roles are "
			                "employee, lead, hr, facilities and admin (German: mitarbeiter, "
			                "leitung, personal, liegenschaften, admin)"), word);
		p += len;
	}
	*roles = r ? r : ROLE_EMPLOYEE;
	return HOP_OK;
}

char *role_format(unsigned roles, char *buf, size_t size)
{
	size_t n = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof role_names / sizeof role_names[0]; i++) {
		int w;

		if (!(roles & (1u << i)))
			continue;
		w = snprintf(buf + n, size - n, "%s%s", n ? "," : "", role_names[i]);
		if (w < 0 || (size_t)w >= size - n) {
			/* Never leave half a name behind. */
			buf[n] = '\0';
			break;
		}
		n += (size_t)w;
	}
	return buf;
}

const char *role_display(unsigned roles)
{
	if (roles & ROLE_ADMIN)
		return _("Admin");
	if (roles & ROLE_HR)
		return _("HR");
	if (roles & ROLE_LEAD)
		return _("Lead");
	if (roles & ROLE_FACILITIES)
		return _("Facilities");
	if (roles & ROLE_EMPLOYEE)
		return _("Employee");
	return _("Guest");
}
