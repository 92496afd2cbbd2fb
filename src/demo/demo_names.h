/* Name tables of the demo organisation (src/demo/demo_names.c), private to
 * src/demo/demo.c. */
#ifndef HOP_DEMO_NAMES_H
#define HOP_DEMO_NAMES_H

#include <stddef.h>

extern const char *const demo_first_names[];
extern const size_t demo_first_name_count;
extern const char *const demo_surnames[];
extern const size_t demo_surname_count;
/* Subjects of generated units: "Referat 4.12 – <subject>". */
extern const char *const demo_subjects[];
extern const size_t demo_subject_count;

#endif
