/* Folding names for searches: case, umlauts and accents do not matter, so
 * that "muller", "mueller" and "Müller" find the same person. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/fold.h"

/* Base letters of U+00C0..U+00FF and U+0100..U+017F; '*' = keep as is,
 * '2' = two letters (handled below). */
static const char latin1[64 + 1] =
	"aaaaaa2ceeeeiiiidnooooo*ouuuuy22"
	"aaaaaa2ceeeeiiiidnooooo*ouuuuy2y";
static const char latin_ext_a[128 + 1] =
	"aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiiijjkkklllllll"
	"lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

/* The ASCII replacement of code point cp, or NULL to keep its bytes. */
static const char *base_of(unsigned cp, bool ae, char one[2])
{
	char c;

	switch (cp) {
	case 0xC4: case 0xE4: return ae ? "ae" : "a";     /* Ä ä */
	case 0xD6: case 0xF6: return ae ? "oe" : "o";     /* Ö ö */
	case 0xDC: case 0xFC: return ae ? "ue" : "u";     /* Ü ü */
	case 0xC6: case 0xE6: return ae ? "ae" : "a";     /* Æ æ */
	case 0x152: case 0x153: return ae ? "oe" : "o";   /* Œ œ */
	case 0xDF: case 0x1E9E: return "ss";              /* ß ẞ */
	case 0xDE: case 0xFE: return "th";                /* Þ þ */
	default: break;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		c = latin1[cp - 0xC0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = latin_ext_a[cp - 0x100];
	else
		return NULL;
	if (c == '*' || c == '2')
		return NULL;
	one[0] = c;
	one[1] = '\0';
	return one;
}

/* How fold_key treats code point cp: a blank, a dash, nothing (a soft
 * hyphen), or a character like any other. */
enum key_class { K_OTHER, K_BLANK, K_DASH, K_DROP };

static enum key_class key_class(unsigned cp)
{
	if (cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x202F)
		return K_BLANK;
	if (cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
		return K_DASH;
	return cp == 0xAD ? K_DROP : K_OTHER;
}

/* fold_text, and with key fold_key's dashes and blanks, in one pass.
 * Inlined into both, so that fold_text's loop tests no flag. */
static inline __attribute__((always_inline)) char *fold_impl(const char *s, enum fold_mode mode, bool key, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	bool vowel = false;     /* the last letter written was a, o or u */
	bool blank = false;     /* key: blanks were passed over since the last byte written */

	if (!size)
		return buf;
	while (*p) {
		char one[2];
		const char *rep = NULL;
		size_t len = 1;
		unsigned cp = 0;

		/* A run of plain ASCII (most names): lower-case it in a tight loop;
		 * the same bytes the table path below gives. */
		if (*p && *p < 0x80) {
			for (; *p && *p < 0x80; p++) {
				char c = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);

				if (n + 1 >= size)
					break;
				if (key && (c == ' ' || c == '\t')) {
					blank = true;
					vowel = false;
					continue;
				}
				if (key && blank) {
					blank = false;
					if (c != '-' && c != '\n' && n > 0 && buf[n - 1] != '-' &&
					    buf[n - 1] != '\n') {
						buf[n++] = ' ';
						if (n + 1 >= size)
							break;
					}
				}
				if (mode == FOLD_COLLAPSE) {
					if (c == 'e' && vowel) {
						vowel = false;
						continue;
					}
					vowel = c == 'a' || c == 'o' || c == 'u';
				}
				buf[n++] = c;
			}
			if (n + 1 >= size)
				break;     /* full: nothing more would be written */
			continue;
		}
		if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
			len = 2;
			cp = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
		} else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			len = 3;
			cp = ((unsigned)(*p & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		}
		/* Four-byte sequences and stray bytes (cp 0) are copied byte by byte. */
		if (key && cp) {
			enum key_class k = key_class(cp);

			if (k == K_BLANK || k == K_DROP) {
				blank = blank || k == K_BLANK;
				vowel = vowel && k == K_DROP;
				p += len;
				continue;
			}
			if (k == K_DASH) {
				if (n + 1 >= size)
					break;
				blank = false;
				vowel = false;
				buf[n++] = '-';
				p += len;
				continue;
			}
		}
		if (key && blank) {
			blank = false;
			if (n > 0 && buf[n - 1] != '-' && buf[n - 1] != '\n')
				buf[n++] = ' ';
			if (n + 1 >= size)
				break;
		}
		if (cp)
			rep = base_of(cp, mode == FOLD_AE, one);
		if (rep) {
			for (; *rep && n + 1 < size; rep++) {
				/* "ae" -> "a": the letter before was a vowel that an umlaut
				 * may have been spelled out from. */
				if (mode == FOLD_COLLAPSE && *rep == 'e' && vowel) {
					vowel = false;
					continue;
				}
				vowel = *rep == 'a' || *rep == 'o' || *rep == 'u';
				buf[n++] = *rep;
			}
		} else {
			for (size_t i = 0; i < len && n + 1 < size; i++)
				buf[n++] = (char)p[i];
			vowel = false;
		}
		p += len;
	}
	buf[n] = '\0';
	return buf;
}

char *fold_text(const char *s, enum fold_mode mode, char *buf, size_t size)
{
	return fold_impl(s, mode, false, buf, size);
}

char *fold_key(const char *s, enum fold_mode mode, char *buf, size_t size)
{
	return fold_impl(s, mode, true, buf, size);
}

bool fold_matches(const char *text, const char *query)
{
	static const enum fold_mode modes[] = { FOLD_AE, FOLD_A, FOLD_COLLAPSE };
	size_t tn = strlen(text) + 1, qn = strlen(query) + 1;
	char *t = malloc(tn), *q = malloc(qn);
	bool found = false;

	if (!t || !q) {
		/* Without memory for folding, fall back to a plain substring. */
		free(t);
		free(q);
		return strstr(text, query) != NULL;
	}
	for (size_t i = 0; i < sizeof modes / sizeof modes[0] && !found; i++) {
		fold_key(text, modes[i], t, tn);
		fold_key(query, modes[i], q, qn);
		found = strstr(t, q) != NULL;
	}
	free(t);
	free(q);
	return found;
}

/* DIN 5007-1 order ("Ärger" beside "Arbeit", "Weiß" as "Weiss"): compare the
 * folded forms, then the raw bytes so that the order is total. */
/* Keys longer than this compare by their first FOLD_COLLATE_MAX bytes, then
 * their bytes (names are at most 200 bytes). */
#define FOLD_COLLATE_MAX 200

int fold_collate(const char *a, size_t an, const char *b, size_t bn)
{
	char ra[FOLD_COLLATE_MAX * 2 + 2], rb[FOLD_COLLATE_MAX * 2 + 2];
	char fa[FOLD_COLLATE_MAX * 3 + 2], fb[FOLD_COLLATE_MAX * 3 + 2];
	int c;

	an = an < sizeof ra - 1 ? an : sizeof ra - 1;
	bn = bn < sizeof rb - 1 ? bn : sizeof rb - 1;
	memcpy(ra, a, an);
	ra[an] = '\0';
	memcpy(rb, b, bn);
	rb[bn] = '\0';
	c = strcmp(fold_text(ra, FOLD_A, fa, sizeof fa), fold_text(rb, FOLD_A, fb, sizeof fb));
	return c ? c : strcmp(ra, rb);
}

#define DIST_MAX_LEN 255

int fold_distance(const char *a, const char *b, int limit)
{
	size_t la = strlen(a), lb = strlen(b);
	int rows[3][DIST_MAX_LEN + 1];
	int *pp = rows[0], *p = rows[1], *c = rows[2], prev_min = 0;

	limit = limit < 0 ? 0 : limit > 8 ? 8 : limit;
	if (la > DIST_MAX_LEN || lb > DIST_MAX_LEN || (la > lb ? la - lb : lb - la) > (size_t)limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		p[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int *t, row_min = c[0] = (int)i;

		for (size_t j = 1; j <= lb; j++) {
			int v = p[j] + 1;

			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (p[j - 1] + (a[i - 1] != b[j - 1]) < v)
				v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			row_min = v < row_min ? v : row_min;
		}
		/* Every later cell grows from this row or the one before it. */
		if (row_min > limit && prev_min > limit)
			return limit + 1;
		prev_min = row_min;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[lb] > limit ? limit + 1 : p[lb];
}
