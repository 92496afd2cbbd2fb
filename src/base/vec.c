/* Growing arrays (see hop/vec.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/vec.h"

/* The first allocation: small lists stay small, long ones double from here. */
#define VEC_FIRST 16

bool vec_grow(void *vp, size_t *cap, size_t need, size_t elem)
{
	size_t ncap = *cap ? *cap : VEC_FIRST;
	void *v, *p;

	if (need <= *cap)
		return true;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return false;
		ncap *= 2;
	}
	if (elem && ncap > SIZE_MAX / elem)
		return false;
	/* vp points at a pointer of some object type: copied as bytes, so no
	 * pointer is accessed through another pointer type. */
	memcpy(&v, vp, sizeof v);
	p = realloc(v, ncap * elem);
	if (!p)
		return false;
	memcpy(vp, &p, sizeof p);
	*cap = ncap;
	return true;
}
