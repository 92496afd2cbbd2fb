/* Memory for the day's lists (who is in, the Desks screen): strings kept once
 * in blocks owned by the list, look-ups by id in arrays read in id order, and
 * sorting by small keys, so that a day of thousands of rows is read without a
 * kilobyte-sized struct per row, a copy of it or a look-up query per row.
 * Memory is what costs here: every fresh page is a page fault. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"

#define POOL_BLOCK 65536

struct bk_pool_block {
	struct bk_pool_block *next;
	size_t used, size;
	char data[];
};

void bk_pool_free(struct bk_pool *p)
{
	if (!p)
		return;
	while (p->head) {
		struct bk_pool_block *b = p->head;
		p->head = b->next;
		free(b);
	}
	if (p->shared) {
		bk_pool_release(p->shared);
		p->shared = NULL;
	}
}

void bk_pool_share(struct bk_pool *p, struct bk_pool *shared)
{
	shared->refs++;
	p->shared = shared;
}

void bk_pool_release(struct bk_pool *shared)
{
	if (shared && --shared->refs == 0) {
		bk_pool_free(shared);
		free(shared);
	}
}

const char *bk_pool_strn(struct bk_pool *p, const char *s, size_t n)
{
	struct bk_pool_block *b = p->head;
	char *out;

	if (!s || !n)
		return "";
	if (!b || b->size - b->used < n + 1) {
		/* A string longer than a block gets a block of its own. */
		size_t size = n + 1 > POOL_BLOCK ? n + 1 : POOL_BLOCK;
		b = malloc(sizeof *b + size);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = size;
		b->next = p->head;
		p->head = b;
	}
	out = b->data + b->used;
	memcpy(out, s, n);
	out[n] = '\0';
	b->used += n + 1;
	return out;
}

const char *bk_pool_col(struct bk_pool *p, struct db_stmt *st, int col)
{
	const char *t = db_col_text(st, col);

	return bk_pool_strn(p, t, t ? (size_t)db_col_bytes(st, col) : 0);
}

/* ---- arrays read once ---- */

bool bk_fit(void *v, size_t size, int64_t **ids, size_t n, size_t *cap)
{
	size_t want = n < *cap ? *cap : n ? n * 2 : 64;
	void *bigger;

	if (*(void **)v && n < *cap)
		return true;
	if (!(bigger = realloc(*(void **)v, want * size)))
		return false;
	*(void **)v = bigger;
	if (ids) {
		int64_t *more = realloc(*ids, want * sizeof **ids);
		if (!more)
			return false;
		*ids = more;
	}
	*cap = want;
	return true;
}

enum hop_status bk_count(struct hop_app *app, struct db_stmt *st, size_t *cap,
                         struct hop_err *err)
{
	int64_t n;
	int rc;

	if (!st)
		return err->status;
	rc = db_step(st);
	n = rc == DB_ROW ? db_col_int64(st, 0) : -1;
	db_reset(st);
	if (n < 0)
		return db_fail(app->db, err, _("counting the rows to read"));
	if ((uint64_t)n >= UINT32_MAX)
		return hop_fail(err, HOP_ENOMEM, _("%lld rows are too many to read at once"),
		                (long long)n);
	*cap = (size_t)n;
	return HOP_OK;
}

/* ---- id -> position ---- */

size_t bk_find_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	if (!n)
		return SIZE_MAX;
	/* Ids from INTEGER PRIMARY KEY are mostly dense: try where id would be
	 * without gaps, then search the part below it. */
	if (id >= ids[0] && (uint64_t)(id - ids[0]) < n) {
		size_t guess = (size_t)(id - ids[0]);
		if (ids[guess] == id)
			return guess;
		hi = guess;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id ? lo : SIZE_MAX;
}

/* ---- sorting big rows by small keys ---- */

void bk_permute(void *v, size_t n, size_t size, uint32_t *order, void *tmp)
{
	char *base = v;

	/* Follow each cycle of the permutation once; a done position is marked
	 * with its own index. */
	for (uint32_t start = 0; start < n; start++) {
		uint32_t j = start;

		if (order[start] == start)
			continue;
		memcpy(tmp, base + start * size, size);
		for (;;) {
			uint32_t k = order[j];
			order[j] = j;
			if (k == start) {
				memcpy(base + j * size, tmp, size);
				break;
			}
			memcpy(base + j * size, base + k * size, size);
			j = k;
		}
	}
}

bool bk_group_sort(void *keys, size_t n, size_t size, size_t group_at, uint32_t ngroups,
                   int (*cmp)(const void *, const void *))
{
	char *k = keys, *tmp;
	size_t *start;

	if (n < 2)
		return true;
	start = calloc((size_t)ngroups + 1, sizeof *start);
	tmp = malloc(n * size);
	if (!start || !tmp) {
		free(start);
		free(tmp);
		return false;
	}
	/* A counting sort by group, then each group (a team: a handful of
	 * people) by cmp: far fewer comparisons than one sort of the whole. */
	for (size_t i = 0; i < n; i++) {
		uint32_t g;
		memcpy(&g, k + i * size + group_at, sizeof g);
		start[g + 1]++;
	}
	for (uint32_t g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	for (size_t i = 0; i < n; i++) {
		uint32_t g;
		memcpy(&g, k + i * size + group_at, sizeof g);
		memcpy(tmp + start[g]++ * size, k + i * size, size);
	}
	memcpy(k, tmp, n * size);
	/* start[g] is now where group g + 1 begins. */
	for (uint32_t g = 0; g < ngroups; g++) {
		size_t from = g ? start[g - 1] : 0, len = start[g] - from;
		if (len > 1)
			qsort(k + from * size, len, size, cmp);
	}
	free(start);
	free(tmp);
	return true;
}
