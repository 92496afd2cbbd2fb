# hop — hybrid-office and personnel planner.  Plain GNU make, no autotools.
#
#   make demo     install missing Debian packages, build, open the TUI on a demo organisation
#   make check    install missing Debian packages, build with sanitizers, run every test
#   make check-clang  the unit tests only, built by clang with its sanitizers
#   make check-pg the same tests on a throwaway PostgreSQL cluster
#   make          build ./hop
#   make install  PREFIX=/usr/local DESTDIR=...
#   make install-shared  PREFIX=/usr/local DATADIR=/var/lib/hop GROUP=hop  (as root:
#                 hop setgid for a whole authority, see README)
#   make bench    measure against same-run baselines (see README)

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
SYSCONFDIR ?= /etc
DESTDIR   ?=

BUILD     ?= build
CC        ?= cc
PKGS      := ncursesw sqlite3 libical
# libpq's header only: hop loads libpq itself when a PostgreSQL database is
# opened (src/db/db_pg.c), so nothing links it.
PQ_CFLAGS  = $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
WERROR    ?=
SANITIZE  ?=
OPT       ?= -O2 -g

# Recursive '=' so that pkg-config runs only when a compile actually needs it
# (after 'make deps' has had its chance to install the packages).
# ncursesw.pc adds -D_XOPEN_SOURCE=600; hop defines its own feature macros.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CPPFLAGS_ALL = -Iinclude -I$(BUILD)/gen -I/usr/include/iniparser \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
	-DHOP_VERSION='"$(VERSION)"' -DHOP_LOCALEDIR='"$(LOCALEDIR)"' \
	-DHOP_SYSCONFDIR='"$(SYSCONFDIR)"' $(PKG_CFLAGS) $(PQ_CFLAGS) $(CPPFLAGS)
CFLAGS_ALL = -std=c17 $(OPT) -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wno-missing-field-initializers -Wno-format-truncation $(WERROR) $(SANITIZE) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -liniparser -lglpk $(LDLIBS)

# The layers, bottom up (see HACKING.md): base, db, config and ics, core by
# capability, demo, and the two front ends.
SRC_LIB   := $(sort $(wildcard src/base/*.c src/db/*.c src/config/*.c src/ics/*.c \
	src/core/*.c src/core/*/*.c src/demo/*.c src/cli/*.c src/tui/*.c))
OBJ_LIB   := $(SRC_LIB:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o $(BUILD)/gen/pg_migrations.o
# The same numbered steps for each database (db/postgresql/README).
MIGRATIONS := $(sort $(wildcard db/sqlite/[0-9]*.sql))
PG_MIGRATIONS := $(sort $(wildcard db/postgresql/[0-9]*.sql))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_BIN := $(BUILD)/bench/raw_insert $(BUILD)/bench/raw_read $(BUILD)/bench/bulk_bookings $(BUILD)/bench/query_time $(BUILD)/bench/presence_time \
	$(BUILD)/bench/ics_events $(BUILD)/bench/ics_baseline $(BUILD)/bench/onboarding_time \
	$(BUILD)/bench/training_time $(BUILD)/bench/cohort_time $(BUILD)/bench/tui_time \
	$(BUILD)/bench/rotation_time $(BUILD)/bench/find_time
PO        := $(wildcard src/po/*.po)
MO        := $(PO:src/po/%.po=$(BUILD)/locale/%/LC_MESSAGES/hop.mo)

.PHONY: all check check-run check-clang check-pg check-pg-run check-programs check-programs-asan check-programs-clang unit-programs unit cli-test screen-test demo deps install install-shared uninstall clean lint bench bench-programs pot
.DEFAULT_GOAL := all

all: hop $(MO)

hop: $(BUILD)/hop
	cp $< $@

$(BUILD)/hop: $(BUILD)/src/main.o $(BUILD)/libhop.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/libhop.a: $(OBJ_LIB)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c $(BUILD)/gen/migrations.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

# Migrations are compiled into the binary: the .sql files under db/sqlite/ and
# db/postgresql/ are the source (hop_migrations[] and hop_pg_migrations[]).
$(BUILD)/gen/migrations.c: $(MIGRATIONS) src/db/embed.awk
	@mkdir -p $(@D)
	awk -f src/db/embed.awk $(MIGRATIONS) > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/pg_migrations.c: $(PG_MIGRATIONS) src/db/embed.awk
	@mkdir -p $(@D)
	awk -v prefix=hop_pg_migration -f src/db/embed.awk $(PG_MIGRATIONS) > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/migrations.h:
	@mkdir -p $(@D)
	@printf '/* generated: nothing here, see migrations.c */\n' > $@
$(BUILD)/gen/migrations.o $(BUILD)/gen/pg_migrations.o: $(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/locale/%/LC_MESSAGES/hop.mo: src/po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libhop.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit $(CFLAGS_ALL) -o $@ $< $(BUILD)/libhop.a $(LDLIBS_ALL) -lcmocka

-include $(OBJ_LIB:.o=.d) $(BUILD)/src/main.d

# ---- set-up on a fresh Debian machine -------------------------------------
deps:
	@sh .ci/deps

# Sub-makes build with one job per core unless the caller chose (make -jN).
JOBS_FLAG = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))

demo: deps
	@$(MAKE) --no-print-directory -s $(JOBS_FLAG) all
	@if [ ! -f "$${HOP_DB:-demo.db}" ]; then ./hop --db "$${HOP_DB:-demo.db}" init --demo; fi
	HOPLOCALEDIR=$(CURDIR)/$(BUILD)/locale ./hop --db "$${HOP_DB:-demo.db}"

# ---- tests ----------------------------------------------------------------
# 'check' builds everything with AddressSanitizer and UBSan into build/asan and
# runs unit, command-line and screen tests.  The last line is 'N passed, N failed'.
# Where clang is installed it also builds the unit tests with clang's
# sanitizers into build/clang (both builds side by side, sharing the jobs)
# and runs them among the other suites: clang's UBSan sees what GCC's misses.
ASAN_BUILD  := build/asan
CLANG_BUILD := build/clang
NO_CLANG_MSG = clang is not installed: the unit tests under clang's sanitizers are skipped (.ci/deps --test installs it)

# Whether clang is there is asked in the shell, after .ci/deps has run.
check:
	@sh .ci/deps --test
	@if command -v clang >/dev/null 2>&1; then clang=check-programs-clang cb=$(CLANG_BUILD); \
	else clang= cb=; echo "make check: $(NO_CLANG_MSG)"; fi; \
	$(MAKE) --no-print-directory $(JOBS_FLAG) check-programs-asan $$clang && \
	BUILD=$(ASAN_BUILD) CLANG_BUILD=$$cb bash tests/run.sh

# The unit tests under clang's AddressSanitizer and UBSan only (every check
# an error), in build/clang.
check-clang:
	@if ! command -v clang >/dev/null 2>&1; then echo "make check-clang: $(NO_CLANG_MSG)"; else \
		$(MAKE) --no-print-directory $(JOBS_FLAG) check-programs-clang && \
		HOP_SUITES=clang CLANG_BUILD=$(CLANG_BUILD) BUILD=$(CLANG_BUILD) bash tests/run.sh; fi

check-programs-asan:
	@$(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) OPT="-O1 -g" WERROR=-Werror \
		SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		check-programs

# -Wno-unknown-warning-option: clang knows no -Wno-format-truncation.
check-programs-clang:
	@$(MAKE) --no-print-directory BUILD=$(CLANG_BUILD) CC=clang OPT="-O1 -g" WERROR=-Werror \
		CFLAGS=-Wno-unknown-warning-option \
		SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		unit-programs

check-programs: $(BUILD)/hop $(UNIT_BIN) $(BENCH_BIN) $(MO) lint
unit-programs: $(UNIT_BIN) $(MO)

check-run: check-programs
	@BUILD=$(BUILD) bash tests/run.sh

# 'check-pg': the same suites on PostgreSQL (tests/run.sh with HOP_TEST_PG=1:
# one throwaway cluster, a database of its own for every suite and unit test),
# built and checked as 'check' builds them; 'check-pg-run' without sanitizers.
check-pg:
	@sh .ci/deps --test
	@$(MAKE) --no-print-directory $(JOBS_FLAG) BUILD=$(ASAN_BUILD) OPT="-O1 -g" WERROR=-Werror \
		SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		check-pg-run

check-pg-run: $(BUILD)/hop $(UNIT_BIN) $(MO)
	@HOP_TEST_PG=1 BUILD=$(BUILD) bash tests/run.sh

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

lint:
	@if command -v mandoc >/dev/null; then mandoc -Tlint -Wwarning man/hop.1 man/hop.ini.5 && echo "mandoc -Tlint: clean"; \
	else echo "mandoc missing: run 'make deps'" >&2; exit 1; fi

# The benchmark's programs (BENCH_BIN): a raw SQLite insert loop and a libical
# export loop (no hop code), and programs that time hop's functions (libhop.a).
# check-run compiles them (with -Werror there) but only 'make bench' runs them.
bench-programs: $(BENCH_BIN)

$(BUILD)/bench/raw_insert: tests/bench/raw_insert.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(LDLIBS_ALL)

# The iCalendar baseline links libical only, like a minimal exporter would.
$(BUILD)/bench/ics_baseline: tests/bench/ics_baseline.c tests/bench/ics_synth.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(shell pkg-config --libs libical 2>/dev/null)

$(BUILD)/bench/ics_events: tests/bench/ics_synth.h

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libhop.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libhop.a $(LDLIBS_ALL)

bench: deps
	@$(MAKE) --no-print-directory $(JOBS_FLAG) all bench-programs
	@BUILD=$(BUILD) sh tests/bench/run.sh

pot:
	xgettext --language=C --keyword=_ --keyword=N_ --from-code=UTF-8 --add-comments=TRANSLATORS \
		--package-name=hop --package-version=$(VERSION) -o src/po/hop.pot \
		$(SRC_LIB) src/main.c src/cli/commands.def src/cli/training.def $(wildcard include/hop/*/*.h include/hop/*/*/*.h)
	for p in $(PO); do msgmerge --quiet --update --backup=none $$p src/po/hop.pot; done

# ---- install ----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SYSCONFDIR)/hop
	install -m 755 hop $(DESTDIR)$(BINDIR)/hop
	install -m 644 man/hop.1 $(DESTDIR)$(MANDIR)/man1/hop.1
	install -m 644 man/hop.ini.5 $(DESTDIR)$(MANDIR)/man5/hop.ini.5
	install -m 644 sample-config/hop.ini $(DESTDIR)$(SYSCONFDIR)/hop/hop.ini.sample
	for m in $(MO); do l=$${m#$(BUILD)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/hop.mo; done

# For a whole authority on one host (README, "Running hop for a whole
# authority"; hop(1), SECURITY): the group owns the data directory (2770, so
# that its files are the group's) and hop is setgid to it; people are not in
# the group, so only hop, acting as the logged-in person, reaches the
# database.  The configuration is root's and names the database.  Installs
# from $(BUILD)/hop, built with these SYSCONFDIR and LOCALEDIR (a hop built
# for other directories must be rebuilt: make clean first).
DATADIR ?= /var/lib/hop
GROUP   ?= hop
install-shared: $(BUILD)/hop $(MO)
	@[ "$$(id -u)" = 0 ] || { echo "make install-shared: run it as root (it creates the group $(GROUP) and a setgid program)" >&2; exit 1; }
	getent group $(GROUP) >/dev/null || groupadd --system $(GROUP)
	install -d -m 755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SYSCONFDIR)/hop
	install -o root -g $(GROUP) -m 2755 $(BUILD)/hop $(DESTDIR)$(BINDIR)/hop
	install -o root -g $(GROUP) -m 2770 -d $(DESTDIR)$(DATADIR)
	chmod 2770 $(DESTDIR)$(DATADIR)
	install -m 644 man/hop.1 $(DESTDIR)$(MANDIR)/man1/hop.1
	install -m 644 man/hop.ini.5 $(DESTDIR)$(MANDIR)/man5/hop.ini.5
	install -m 644 sample-config/hop.ini $(DESTDIR)$(SYSCONFDIR)/hop/hop.ini.sample
	@if [ ! -e $(DESTDIR)$(SYSCONFDIR)/hop/hop.ini ]; then \
		printf '# hop for the whole authority (make install-shared); see hop.ini(5)\n[database]\npath = %s/hop.db\n' \
			'$(DATADIR)' >$(DESTDIR)$(SYSCONFDIR)/hop/hop.ini; \
		chmod 644 $(DESTDIR)$(SYSCONFDIR)/hop/hop.ini; \
		echo "wrote $(DESTDIR)$(SYSCONFDIR)/hop/hop.ini: [database] path = $(DATADIR)/hop.db"; \
	else echo "kept $(DESTDIR)$(SYSCONFDIR)/hop/hop.ini: its [database] path must be in $(DATADIR)"; fi
	for m in $(MO); do l=$${m#$(BUILD)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/hop.mo; done
	@echo "next, as root: $(BINDIR)/hop init, then 'hop person add' for everyone"

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hop $(DESTDIR)$(MANDIR)/man1/hop.1 $(DESTDIR)$(MANDIR)/man5/hop.ini.5 \
		$(DESTDIR)$(SYSCONFDIR)/hop/hop.ini.sample $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/hop.mo

clean:
	rm -rf build hop
