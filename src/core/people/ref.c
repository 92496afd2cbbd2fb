/* How people and teams are named in what people type (see ref_int.h). */
#include <string.h>

#include "hop/base/fold.h"
#include "ref_int.h"

char *ref_key(const char *text, char *buf, size_t size)
{
	return fold_key(text, FOLD_COLLAPSE, buf, size);
}

/* What ends a word of a folded name ("jurgen weiss", "referat z 2-haushalt",
 * "o'brien", "dr. anna berg"). */
static int is_sep(char c)
{
	return c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',' || c == '/' || c == '(' ||
	       c == ')';
}

static int word_start(const char *key, size_t i)
{
	return i == 0 || (is_sep(key[i - 1]) && !is_sep(key[i]));
}

enum ref_rank ref_match(const char *key, const char *q, size_t qlen)
{
	enum ref_rank best = REF_NONE;

	if (!qlen)
		return REF_NONE;
	for (size_t i = 0; key[i] && best > REF_WHOLE; i++) {
		enum ref_rank r;
		char after;

		if (!word_start(key, i) || strncmp(key + i, q, qlen) != 0)
			continue;
		after = key[i + qlen];
		r = i == 0 && !after ? REF_WHOLE : !after || is_sep(after) ? REF_WORD : REF_PREFIX;
		best = r < best ? r : best;
	}
	return best;
}

bool ref_may_match(const char *raw, const char *q)
{
	const unsigned char *p = (const unsigned char *)raw;
	unsigned char first = (unsigned char)q[0], other;

	if (first >= 0x80)
		return true;
	other = first >= 'a' && first <= 'z' ? (unsigned char)(first - 32) : first;
	for (size_t i = 0; p[i]; i++) {
		bool start = i == 0 || p[i - 1] >= 0x80 || is_sep((char)p[i - 1]);

		if (start && (p[i] == first || p[i] == other || p[i] >= 0x80))
			return true;
	}
	return false;
}

int ref_limit(size_t qlen)
{
	return qlen < 4 ? 0 : qlen < 8 ? 1 : qlen < 14 ? 2 : 3;
}

/* Might a word beginning with a, b be within a few edits of one beginning
 * with q? Not when neither of its first two letters is where one of q's
 * could be after one edit: a cheap test that spares most distances. */
static bool near_start(const char *w, const char *q)
{
	return w[0] == q[0] || (w[0] && (w[1] == q[0] || (q[0] && (w[0] == q[1] || w[1] == q[1]))));
}

int ref_distance(const char *key, const char *q, size_t qlen, int limit)
{
	char head[REF_KEY_MAX];
	int best = limit + 1;

	for (size_t i = 0; key[i] && best > 0; i++) {
		size_t rest;
		int d;

		if (!word_start(key, i) || !near_start(key + i, q))
			continue;
		d = fold_distance(q, key + i, limit);
		best = d < best ? d : best;
		rest = strlen(key + i);
		if (rest > qlen && qlen < sizeof head) {
			memcpy(head, key + i, qlen);
			head[qlen] = '\0';
			d = fold_distance(q, head, limit);
			best = d < best ? d : best;
		}
	}
	return best;
}
