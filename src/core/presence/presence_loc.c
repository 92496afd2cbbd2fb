/* Locations: their names in the database, for people and in a grid; and the
 * small conversions the presence modules share. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/base/i18n.h"
#include "presence_int.h"

static const struct { const char *key, *display; } locs[LOC_COUNT] = {
	[LOC_NONE]   = { "",       N_("not set") },
	[LOC_OFFICE] = { "office", N_("office") },
	[LOC_HOME]   = { "home",   N_("home") },
	[LOC_MOBILE] = { "mobile", N_("mobile") },
	[LOC_AWAY]   = { "away",   N_("away") },
	[LOC_TRIP]   = { "trip",   N_("trip") },
};

/* German words next to the English keys: people type what they say. */
static const struct { const char *word; enum presence_loc loc; } words[] = {
	{ "office", LOC_OFFICE }, { "büro", LOC_OFFICE }, { "buero", LOC_OFFICE },
	{ "home", LOC_HOME }, { "homeoffice", LOC_HOME },
	{ "mobile", LOC_MOBILE }, { "mobil", LOC_MOBILE },
	{ "away", LOC_AWAY }, { "abwesend", LOC_AWAY },
	{ "trip", LOC_TRIP }, { "dienstreise", LOC_TRIP },
};

enum hop_status presence_loc_parse(const char *text, enum presence_loc *loc,
                                   struct hop_err *err)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		/* strcasecmp folds ASCII only: "Büro" and "BÜRO" are also accepted
		 * below by comparing the tail after a folded first letter. */
		if (strcasecmp(words[i].word, text) == 0) {
			*loc = words[i].loc;
			return HOP_OK;
		}
	}
	if ((text[0] == 'B' || text[0] == 'b') &&
	    (strcasecmp(text + 1, "üro") == 0 || strcasecmp(text + 1, "ÜRO") == 0)) {
		*loc = LOC_OFFICE;
		return HOP_OK;
	}
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a location; use office, home, mobile, "
	                "away or trip (or büro, homeoffice, mobil, abwesend, dienstreise)"), text);
}

const char *presence_loc_name(enum presence_loc loc)
{
	return (unsigned)loc < LOC_COUNT ? locs[loc].key : "";
}

const char *presence_loc_display(enum presence_loc loc)
{
	return _(locs[(unsigned)loc < LOC_COUNT ? loc : LOC_NONE].display);
}

/* The first letter of the translated name, so that the grid's letters are
 * those of the words the reader sees (Büro -> B); "·" when not set. */
const char *presence_loc_code(enum presence_loc loc)
{
	static char codes[LOC_COUNT][8];
	const unsigned char *s;
	size_t len = 1;

	if (loc == LOC_NONE || (unsigned)loc >= LOC_COUNT)
		return "·";
	s = (const unsigned char *)presence_loc_display(loc);
	if (s[0] >= 0xc0)           /* a multi-byte first letter: keep it whole */
		while (len < 4 && (s[len] & 0xc0) == 0x80)
			len++;
	memcpy(codes[loc], s, len);
	codes[loc][len] = '\0';
	if (len == 1 && codes[loc][0] >= 'a' && codes[loc][0] <= 'z')
		codes[loc][0] = (char)(codes[loc][0] - 'a' + 'A');
	return codes[loc];
}

enum presence_loc pr_loc_from_text(const char *text)
{
	if (!text)
		return LOC_NONE;
	for (int i = LOC_OFFICE; i < LOC_COUNT; i++)
		if (strcmp(locs[i].key, text) == 0)
			return (enum presence_loc)i;
	return LOC_NONE;
}

/* ---- sorted id look-up ---- */

static int cmp_id(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;
	return (x[0] > y[0]) - (x[0] < y[0]);
}

enum hop_status pr_index_build(struct pr_index *x, const int64_t *ids, size_t n,
                               struct hop_err *err)
{
	int64_t (*pairs)[2];

	memset(x, 0, sizeof *x);
	if (!n)
		return HOP_OK;
	pairs = malloc(n * sizeof *pairs);
	x->id = malloc(n * sizeof *x->id);
	x->pos = malloc(n * sizeof *x->pos);
	if (!pairs || !x->id || !x->pos) {
		free(pairs);
		pr_index_free(x);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading presence"));
	}
	for (size_t i = 0; i < n; i++) {
		pairs[i][0] = ids[i];
		pairs[i][1] = (int64_t)i;
	}
	qsort(pairs, n, sizeof *pairs, cmp_id);
	for (size_t i = 0; i < n; i++) {
		x->id[i] = pairs[i][0];
		x->pos[i] = (size_t)pairs[i][1];
	}
	x->n = n;
	free(pairs);
	return HOP_OK;
}

bool pr_index_find(const struct pr_index *x, int64_t id, size_t *pos)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->id[mid] < id)
			lo = mid + 1;
		else if (x->id[mid] > id)
			hi = mid;
		else {
			*pos = x->pos[mid];
			return true;
		}
	}
	return false;
}

void pr_index_free(struct pr_index *x)
{
	free(x->id);
	free(x->pos);
	memset(x, 0, sizeof *x);
}
