/* The words of places: kinds, attributes, who may book, as people type them
 * (English or German) and as files and the database store them. */
#include <stdio.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "place_int.h"

#define WORD_MAX 64

/* Compare a typed word with a known one, ignoring case and umlauts. */
static bool word_is(const char *typed, const char *known)
{
	char a[WORD_MAX + 1], b[WORD_MAX + 1];

	if (strlen(typed) > WORD_MAX || strlen(known) > WORD_MAX)
		return false;
	fold_text(typed, FOLD_COLLAPSE, a, sizeof a);
	fold_text(known, FOLD_COLLAPSE, b, sizeof b);
	return strcmp(a, b) == 0;
}

/* ---- kinds ---- */

static const char *const kind_names[] = { "desk", "team-room", "creative-room", "meeting-room" };
static const char *const kind_display[] = {
	N_("desk"), N_("team room"), N_("creative room"), N_("meeting room"),
};

static const struct {
	const char *word;
	enum desk_kind kind;
} kind_words[] = {
	{ "desk", DESK_KIND_DESK }, { "arbeitsplatz", DESK_KIND_DESK }, { "platz", DESK_KIND_DESK },
	{ "schreibtisch", DESK_KIND_DESK },
	{ "team-room", DESK_KIND_TEAM_ROOM }, { "team_room", DESK_KIND_TEAM_ROOM },
	{ "teamroom", DESK_KIND_TEAM_ROOM }, { "teamraum", DESK_KIND_TEAM_ROOM },
	{ "creative-room", DESK_KIND_CREATIVE_ROOM }, { "creative_room", DESK_KIND_CREATIVE_ROOM },
	{ "creativeroom", DESK_KIND_CREATIVE_ROOM }, { "kreativraum", DESK_KIND_CREATIVE_ROOM },
	{ "meeting-room", DESK_KIND_MEETING_ROOM }, { "meeting_room", DESK_KIND_MEETING_ROOM },
	{ "meetingroom", DESK_KIND_MEETING_ROOM }, { "besprechungsraum", DESK_KIND_MEETING_ROOM },
	{ "besprechungszimmer", DESK_KIND_MEETING_ROOM },
};

enum hop_status desk_kind_parse(const char *text, enum desk_kind *kind, struct hop_err *err)
{
	for (size_t i = 0; text && i < sizeof kind_words / sizeof kind_words[0]; i++)
		if (word_is(text, kind_words[i].word)) {
			*kind = kind_words[i].kind;
			return HOP_OK;
		}
	return hop_fail(err, HOP_EINVAL, _("'%.100s' is not a kind of place; the kinds are desk, "
	                "team-room, creative-room and meeting-room (German: arbeitsplatz, teamraum, "
	                "kreativraum, besprechungsraum)"), text ? text : "");
}

const char *desk_kind_name(enum desk_kind kind)
{
	if ((unsigned)kind >= sizeof kind_names / sizeof kind_names[0])
		return "desk";
	return kind_names[kind];
}

const char *desk_kind_display(enum desk_kind kind)
{
	if ((unsigned)kind >= sizeof kind_display / sizeof kind_display[0])
		return _(kind_display[0]);
	return _(kind_display[kind]);
}

/* ---- attributes ---- */

/* English names in bit order, as desk_attr_format writes them. */
static const char *const attr_names[] = {
	"monitor", "standing", "accessible", "quiet", "dock", "screen", "video", "whiteboard",
};

static const struct {
	const char *word;
	unsigned attr;
} attr_words[] = {
	{ "monitor", ATTR_MONITOR }, { "bildschirm", ATTR_MONITOR },
	{ "standing", ATTR_STANDING }, { "stehpult", ATTR_STANDING },
	{ "stehtisch", ATTR_STANDING }, { "höhenverstellbar", ATTR_STANDING },
	{ "accessible", ATTR_ACCESSIBLE }, { "barrierefrei", ATTR_ACCESSIBLE },
	{ "quiet", ATTR_QUIET }, { "ruhig", ATTR_QUIET }, { "ruhezone", ATTR_QUIET },
	{ "dock", ATTR_DOCK }, { "docking", ATTR_DOCK }, { "dockingstation", ATTR_DOCK },
	{ "screen", ATTR_SCREEN }, { "beamer", ATTR_SCREEN }, { "projector", ATTR_SCREEN },
	{ "video", ATTR_VIDEO }, { "videokonferenz", ATTR_VIDEO },
	{ "whiteboard", ATTR_WHITEBOARD }, { "tafel", ATTR_WHITEBOARD },
};

enum hop_status desk_attr_parse(const char *text, unsigned *attrs, struct hop_err *err)
{
	const char *p = text ? text : "";
	unsigned a = 0;

	while (*p) {
		char word[WORD_MAX + 1];
		size_t len = strcspn(p, ",;+| \t\n");
		bool found = false;

		if (len == 0) {
			p++;
			continue;
		}
		if (len > WORD_MAX)
			return hop_fail(err, HOP_EINVAL, _("a word of %zu bytes is not an attribute; "
			                "the attributes are monitor, standing, accessible, quiet, dock, "
			                "screen, video and whiteboard (German: monitor, stehpult, "
			                "barrierefrei, ruhig, dock, beamer, video, whiteboard)"), len);
		memcpy(word, p, len);
		word[len] = '\0';
		for (size_t i = 0; i < sizeof attr_words / sizeof attr_words[0]; i++)
			if (word_is(word, attr_words[i].word)) {
				a |= attr_words[i].attr;
				found = true;
				break;
			}
		if (!found)
			return hop_fail(err, HOP_EINVAL, _("'%s' is not an attribute; the attributes "
			                "are monitor, standing, accessible, quiet, dock, screen, video "
			                "and whiteboard (German: monitor, stehpult, barrierefrei, ruhig, "
			                "dock, beamer, video, whiteboard)"), word);
		p += len;
	}
	*attrs = a;
	return HOP_OK;
}

/* For people, in their language (German: Monitor, Stehpult, barrierefrei,
 * ...), as parse accepts them back. */
static const char *const attr_shown[] = {
	N_("monitor"), N_("standing"), N_("accessible"), N_("quiet"), N_("dock"), N_("screen"),
	N_("video"), N_("whiteboard"),
};

static char *attr_join(unsigned attrs, const char *const *names, bool translate, char *buf,
                       size_t size)
{
	size_t n = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++) {
		int w;

		if (!(attrs & (1u << i)))
			continue;
		w = snprintf(buf + n, size - n, "%s%s", n ? "," : "",
		             translate ? _(names[i]) : names[i]);
		if (w < 0 || (size_t)w >= size - n) {
			/* Never half a word: cut back to the last whole one. */
			buf[n] = '\0';
			break;
		}
		n += (size_t)w;
	}
	return buf;
}

char *desk_attr_display(unsigned attrs, char *buf, size_t size)
{
	return attr_join(attrs, attr_shown, true, buf, size);
}

char *desk_attr_format(unsigned attrs, char *buf, size_t size)
{
	return attr_join(attrs, attr_names, false, buf, size);
}


/* ---- who may book ---- */

static const char *const bookable_names[] = { "all", "team", "leads" };

static const struct {
	const char *word;
	enum desk_bookable b;
} bookable_words[] = {
	{ "all", BOOKABLE_ALL }, { "everyone", BOOKABLE_ALL }, { "alle", BOOKABLE_ALL },
	{ "team", BOOKABLE_TEAM },
	{ "leads", BOOKABLE_LEADS }, { "lead", BOOKABLE_LEADS }, { "leitung", BOOKABLE_LEADS },
	{ "führungskräfte", BOOKABLE_LEADS },
};

enum hop_status desk_bookable_parse(const char *text, enum desk_bookable *b, struct hop_err *err)
{
	for (size_t i = 0; text && i < sizeof bookable_words / sizeof bookable_words[0]; i++)
		if (word_is(text, bookable_words[i].word)) {
			*b = bookable_words[i].b;
			return HOP_OK;
		}
	return hop_fail(err, HOP_EINVAL, _("'%.100s' does not say who may book; use all, team "
	                "(the zone's team) or leads (German: alle, team, leitung)"),
	                text ? text : "");
}

const char *desk_bookable_name(enum desk_bookable b)
{
	if ((unsigned)b >= sizeof bookable_names / sizeof bookable_names[0])
		return "all";
	return bookable_names[b];
}

/* ---- codes ---- */

enum hop_status desk_check_code(const char *code, struct hop_err *err)
{
	size_t n = strlen(code);

	if (n == 0)
		return hop_fail(err, HOP_EINVAL, _("a desk or room needs a code, such as 3.14"));
	if (n > HOP_CODE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the code '%.40s...' is %zu bytes long; a code "
		                "has at most %d characters"), code, n, HOP_CODE_MAX);
	for (const char *p = code; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '-' || c == '_'))
			return hop_fail(err, HOP_EINVAL, _("the code '%s' may hold only the letters "
			                "A-Z and a-z (no umlauts: codes name calendar files and web "
			                "addresses), digits, '.', '-' and '_', such as 3.14 or R3.01"), code);
	}
	return HOP_OK;
}

/* Runs of digits compare as numbers, so 3.2 < 3.10 < 10.1; other characters
 * compare case-insensitively; ties fall back to bytes so the order is total. */
int desk_code_compare(const char *a, const char *b)
{
	const char *x = a, *y = b;

	while (*x && *y) {
		if (*x >= '0' && *x <= '9' && *y >= '0' && *y <= '9') {
			const char *xs = x, *ys = y;
			size_t xl, yl;
			int c;

			while (*xs == '0' && xs[1] >= '0' && xs[1] <= '9')
				xs++;
			while (*ys == '0' && ys[1] >= '0' && ys[1] <= '9')
				ys++;
			for (x = xs; *x >= '0' && *x <= '9'; x++)
				;
			for (y = ys; *y >= '0' && *y <= '9'; y++)
				;
			xl = (size_t)(x - xs);
			yl = (size_t)(y - ys);
			if (xl != yl)
				return xl < yl ? -1 : 1;
			c = memcmp(xs, ys, xl);
			if (c)
				return c < 0 ? -1 : 1;
			continue;
		}
		unsigned char cx = (unsigned char)*x, cy = (unsigned char)*y;
		if (cx >= 'A' && cx <= 'Z')
			cx = (unsigned char)(cx - 'A' + 'a');
		if (cy >= 'A' && cy <= 'Z')
			cy = (unsigned char)(cy - 'A' + 'a');
		if (cx != cy)
			return cx < cy ? -1 : 1;
		x++;
		y++;
	}
	if (*x || *y)
		return *x ? 1 : -1;
	int c = strcmp(a, b);
	return (c > 0) - (c < 0);
}

/* ---- helpers of the place modules (place_int.h) ---- */

enum hop_status place_check_text(const char *text, size_t max, bool may_be_empty,
                                 struct hop_err *err)
{
	size_t n = strlen(text);

	if (n > max)
		return hop_fail(err, HOP_EINVAL, _("'%.40s...' is %zu bytes long; the limit is %zu "
		                "bytes"), text, n, max);
	if (strspn(text, " ") == n) {
		if (may_be_empty && n == 0)
			return HOP_OK;
		return hop_fail(err, HOP_EINVAL, _("it is empty; give a name of up to %zu bytes"),
		                max);
	}
	/* The person module knows UTF-8 and control characters. */
	if (person_check_name(text, err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

enum hop_status place_check_part(const char *text, size_t max, struct hop_err *err)
{
	if (place_check_text(text, max, false, err) != HOP_OK)
		return err->status;
	if (strchr(text, '/'))
		return hop_fail(err, HOP_EINVAL, _("'%s' contains '/', which separates site, floor "
		                "and zone in SITE/FLOOR/ZONE; choose a name without it"), text);
	return HOP_OK;
}

