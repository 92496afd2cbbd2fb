/* Public holidays of the Bundesländer: one table of rules, each with the
 * Länder and the years it applies to, so that a change in a Land's law is
 * one row.  Sources: the Länder's Feiertagsgesetze as in force in 2026.
 *
 * Deliberately left out, because they are not holidays in the whole Land:
 *   Fronleichnam in Saxony (some Sorbian municipalities) and Thuringia
 *     (municipalities with a Catholic majority, mostly in the Eichsfeld);
 *   Mariä Himmelfahrt in Bavaria (only in predominantly Catholic
 *     municipalities, about 1,700 of 2,056; Augsburg's and Munich's offices
 *     may keep it, Nuremberg's do not);
 *   Augsburger Friedensfest (8 August, the city of Augsburg only).
 * Years before 1991 are refused: five Länder had no holiday law before. */
#include <ctype.h>
#include <string.h>

#include "hop/core/calendar/holiday.h"
#include "hop/base/i18n.h"

enum { BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, NLAND };

static const char codes[NLAND][3] = {
	"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
	"NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
};

#define L(x) (1u << (x))
#define ALL ((1u << NLAND) - 1)
#define FOREVER HOLIDAY_YEAR_MAX

enum rule_kind {
	FIXED,        /* month, day */
	EASTER,       /* offset days from Easter Sunday */
	REPENTANCE,   /* the Wednesday before 23 November */
};

struct rule {
	const char *name;      /* official German name */
	const char *name_en;   /* N_() */
	enum rule_kind kind;
	int month, day;        /* FIXED: the date; EASTER: day is the offset */
	unsigned lands;
	int from, until;       /* years, inclusive */
	bool sunday;
};

/* Ordered roughly by date; holiday_list sorts anyway (Easter moves). */
static const struct rule rules[] = {
	{ "Neujahr", N_("New Year's Day"), FIXED, 1, 1, ALL, 1991, FOREVER, false },
	/* BW and BY since before 1991, ST since its holiday law of 1991. */
	{ "Heilige Drei Könige", N_("Epiphany"), FIXED, 1, 6, L(BW) | L(BY) | L(ST), 1991,
	  FOREVER, false },
	/* Berlin since 2019 (law of 31 January 2019), Mecklenburg-Vorpommern since
	 * 2023 (law of 1 December 2022). */
	{ "Internationaler Frauentag", N_("International Women's Day"), FIXED, 3, 8, L(BE), 2019,
	  FOREVER, false },
	{ "Internationaler Frauentag", N_("International Women's Day"), FIXED, 3, 8, L(MV), 2023,
	  FOREVER, false },
	{ "Karfreitag", N_("Good Friday"), EASTER, 0, -2, ALL, 1991, FOREVER, false },
	/* Only Brandenburg's law names Easter and Whit Sunday;
	 * Hesse's names "die Sonntage" in general and then neither of them
	 * (HFeiertagsG § 1 (1)), like every other Land's.  They are Sundays, so
	 * no working day changes either way. */
	{ "Ostersonntag", N_("Easter Sunday"), EASTER, 0, 0, L(BB), 1991, FOREVER, true },
	{ "Ostermontag", N_("Easter Monday"), EASTER, 0, 1, ALL, 1991, FOREVER, false },
	{ "Tag der Arbeit", N_("Labour Day"), FIXED, 5, 1, ALL, 1991, FOREVER, false },
	/* Berlin, one-offs: the 75th (2020) and 80th (2025) anniversary of the
	 * end of the Second World War in Europe. */
	{ "Tag der Befreiung", N_("Liberation Day"), FIXED, 5, 8, L(BE), 2020, 2020, false },
	{ "Tag der Befreiung", N_("Liberation Day"), FIXED, 5, 8, L(BE), 2025, 2025, false },
	{ "Christi Himmelfahrt", N_("Ascension Day"), EASTER, 0, 39, ALL, 1991, FOREVER, false },
	{ "Pfingstsonntag", N_("Whit Sunday"), EASTER, 0, 49, L(BB), 1991, FOREVER, true },
	/* Berlin, a one-off: the 75th anniversary of the uprising of 17 June
	 * 1953, made a general holiday by the amendment of the Feiertagsgesetz
	 * that also made 8 May 2025 one (GVBl. 2024 S. 460).  A Saturday. */
	{ "75. Jahrestag des Volksaufstandes vom 17. Juni 1953",
	  N_("75th anniversary of the uprising of 17 June 1953"), FIXED, 6, 17, L(BE), 2028, 2028,
	  false },
	{ "Pfingstmontag", N_("Whit Monday"), EASTER, 0, 50, ALL, 1991, FOREVER, false },
	{ "Fronleichnam", N_("Corpus Christi"), EASTER, 0, 60,
	  L(BW) | L(BY) | L(HE) | L(NW) | L(RP) | L(SL), 1991, FOREVER, false },
	{ "Mariä Himmelfahrt", N_("Assumption Day"), FIXED, 8, 15, L(SL), 1991, FOREVER, false },
	/* Thuringia since 2019 (law of 21 March 2019). */
	{ "Weltkindertag", N_("World Children's Day"), FIXED, 9, 20, L(TH), 2019, FOREVER, false },
	{ "Tag der Deutschen Einheit", N_("German Unity Day"), FIXED, 10, 3, ALL, 1991, FOREVER,
	  false },
	/* The five eastern Länder since 1991; Bremen, Hamburg, Lower Saxony and
	 * Schleswig-Holstein since 2018; everywhere in 2017 (500 years of the
	 * Reformation, a one-off by each Land's law). */
	{ "Reformationstag", N_("Reformation Day"), FIXED, 10, 31,
	  L(BB) | L(MV) | L(SN) | L(ST) | L(TH), 1991, FOREVER, false },
	{ "Reformationstag", N_("Reformation Day"), FIXED, 10, 31,
	  L(HB) | L(HH) | L(NI) | L(SH), 2018, FOREVER, false },
	{ "Reformationstag", N_("Reformation Day"), FIXED, 10, 31, ALL, 2017, 2017, false },
	{ "Allerheiligen", N_("All Saints' Day"), FIXED, 11, 1,
	  L(BW) | L(BY) | L(NW) | L(RP) | L(SL), 1991, FOREVER, false },
	/* Everywhere until 1994; abolished from 1995 to fund the long-term care
	 * insurance, except in Saxony. */
	{ "Buß- und Bettag", N_("Day of Repentance and Prayer"), REPENTANCE, 0, 0, ALL, 1991, 1994,
	  false },
	{ "Buß- und Bettag", N_("Day of Repentance and Prayer"), REPENTANCE, 0, 0, L(SN), 1995,
	  FOREVER, false },
	{ "1. Weihnachtstag", N_("Christmas Day"), FIXED, 12, 25, ALL, 1991, FOREVER, false },
	{ "2. Weihnachtstag", N_("Second Day of Christmas"), FIXED, 12, 26, ALL, 1991, FOREVER,
	  false },
};

static int region_index(const char *code)
{
	if (!code || strlen(code) != 2)
		return -1;
	for (int i = 0; i < NLAND; i++)
		if (toupper((unsigned char)code[0]) == codes[i][0] &&
		    toupper((unsigned char)code[1]) == codes[i][1])
			return i;
	return -1;
}

bool holiday_region_valid(const char *code)
{
	return region_index(code) >= 0;
}

hop_date holiday_easter(int year)
{
	int a, b, c, d, e, f, g, h, i, k, l, m, n;

	if (year < 1583 || year > 9999)
		return HOP_DATE_NONE;
	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	n = h + l - 7 * m + 114;
	return date_from_ymd(year, n / 31, n % 31 + 1);
}

hop_date holiday_repentance_day(int year)
{
	hop_date nov22 = date_from_ymd(year, 11, 22);

	/* ISO weekday 3 is Wednesday: step back to the Wednesday on or before. */
	return nov22 - (date_weekday(nov22) - 3 + 7) % 7;
}

size_t holiday_list(const char *region, int year, struct hop_holiday *out, size_t max)
{
	struct hop_holiday v[HOLIDAY_MAX];
	int r = region_index(region);
	hop_date easter;
	size_t n = 0;

	if (r < 0 || year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX)
		return 0;
	easter = holiday_easter(year);
	for (size_t i = 0; i < sizeof rules / sizeof rules[0] && n < HOLIDAY_MAX; i++) {
		const struct rule *ru = &rules[i];
		struct hop_holiday h;
		bool dup = false;
		size_t j;

		if (!(ru->lands & L(r)) || year < ru->from || year > ru->until)
			continue;
		switch (ru->kind) {
		case FIXED: h.day = date_from_ymd(year, ru->month, ru->day); break;
		case EASTER: h.day = easter + ru->day; break;
		case REPENTANCE: h.day = holiday_repentance_day(year); break;
		default: continue;
		}
		h.name = ru->name;
		h.name_en = ru->name_en;
		h.sunday = ru->sunday;
		/* Overlapping rows (Reformationstag 2017 in the east) count once. */
		for (j = 0; j < n; j++)
			if (v[j].day == h.day && strcmp(v[j].name, h.name) == 0)
				dup = true;
		if (dup)
			continue;
		/* Insertion keeps the list sorted by date. */
		for (j = n; j > 0 && v[j - 1].day > h.day; j--)
			v[j] = v[j - 1];
		v[j] = h;
		n++;
	}
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = v[i];
	return n;
}

bool holiday_is(const char *region, hop_date day, const char **name)
{
	struct hop_holiday v[HOLIDAY_MAX];
	int y, m, d;
	size_t n;

	if (day == HOP_DATE_NONE)
		return false;
	date_to_ymd(day, &y, &m, &d);
	n = holiday_list(region, y, v, HOLIDAY_MAX);
	for (size_t i = 0; i < n && i < HOLIDAY_MAX; i++) {
		if (v[i].day == day) {
			if (name)
				*name = holiday_display(&v[i]);
			return true;
		}
	}
	return false;
}

const char *holiday_display(const struct hop_holiday *h)
{
	/* In German the official name, whatever the catalogue says. */
	return i18n_is_german() ? h->name : _(h->name_en);
}
