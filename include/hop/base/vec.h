/* Growing arrays: the one doubling realloc behind every list that is filled
 * an element at a time (query results, CSV rows, table rows). */
#ifndef HOP_VEC_H
#define HOP_VEC_H

#include <stdbool.h>
#include <stddef.h>

/* Make room for at least need elements of elem bytes in an array.  vp is the
 * address of the array's pointer (such as &list->v), *cap its capacity in
 * elements; the capacity doubles, so appending n elements costs O(n).
 * False when memory ran out or the size would overflow: the array and *cap
 * are then unchanged and still the caller's to free. */
bool vec_grow(void *vp, size_t *cap, size_t need, size_t elem);

#endif
