/* Sets of weekdays as people type them for a series: "mon,thu", "Mo,Do",
 * "mon-fri", "Montag-Freitag".  Bit 1 << 1 is Monday ... 1 << 7 Sunday, the
 * ISO weekday numbers. */
#include <stdio.h>
#include <string.h>

#include "hop/base/weekdays.h"
#include "hop/base/i18n.h"
#include "hop/base/fold.h"

#define WORD_MAX 32

static const struct {
	const char *word;
	int weekday;
} words[] = {
	{ "mon", 1 }, { "tue", 2 }, { "wed", 3 }, { "thu", 4 }, { "fri", 5 }, { "sat", 6 }, { "sun", 7 },
	{ "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 }, { "thursday", 4 },
	{ "friday", 5 }, { "saturday", 6 }, { "sunday", 7 },
	{ "tues", 2 }, { "thur", 4 }, { "thurs", 4 },
	{ "mo", 1 }, { "di", 2 }, { "mi", 3 }, { "do", 4 }, { "fr", 5 }, { "sa", 6 }, { "so", 7 },
	{ "montag", 1 }, { "dienstag", 2 }, { "mittwoch", 3 }, { "donnerstag", 4 },
	{ "freitag", 5 }, { "samstag", 6 }, { "sonnabend", 6 }, { "sonntag", 7 },
};

static enum hop_status bad_word(const char *word, struct hop_err *err)
{
	return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a weekday; use mon, tue, wed, thu, fri, "
	                "sat, sun (German: mo, di, mi, do, fr, sa, so), separated by commas, or a "
	                "range such as mon-fri"), word);
}

/* One weekday word, ignoring case (and umlauts, for the German names). */
static int weekday_of(const char *word)
{
	char folded[WORD_MAX + 1];

	if (strlen(word) > WORD_MAX)
		return 0;
	fold_text(word, FOLD_AE, folded, sizeof folded);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].word, folded) == 0)
			return words[i].weekday;
	return 0;
}

static bool separator(char c)
{
	return c == ',' || c == ';' || c == '+' || c == ' ' || c == '\t';
}

enum hop_status weekdays_parse(const char *text, unsigned *weekdays, struct hop_err *err)
{
	unsigned set = 0;
	const char *p = text;

	if (!text)
		text = p = "";
	while (*p) {
		char item[2 * WORD_MAX + 2], *dash;
		size_t n = 0;
		int from, to;

		while (separator(*p))
			p++;
		if (!*p)
			break;
		while (p[n] && !separator(p[n]))
			n++;
		if (n >= sizeof item)
			return bad_word(p, err);
		memcpy(item, p, n);
		item[n] = '\0';
		p += n;
		dash = strchr(item, '-');
		if (dash) {
			*dash = '\0';
			from = weekday_of(item);
			to = weekday_of(dash + 1);
			if (!from)
				return bad_word(item, err);
			if (!to)
				return bad_word(dash + 1, err);
			if (from > to)
				return hop_fail(err, HOP_EINVAL, _("'%s-%s' runs backwards; write a range "
				                "from the earlier to the later day, such as mon-fri"),
				                item, dash + 1);
		} else {
			from = to = weekday_of(item);
			if (!from)
				return bad_word(item, err);
		}
		for (int d = from; d <= to; d++)
			set |= 1u << d;
	}
	if (!set)
		return hop_fail(err, HOP_EINVAL, _("no weekdays given; name them, such as mon,thu or "
		                "mon-fri"));
	*weekdays = set;
	return HOP_OK;
}
