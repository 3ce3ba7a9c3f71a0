# SPDX-License-Identifier: GPL-3.0-or-later
# GNU make build for pmdrill.  `make help` lists the targets.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
PKG_CONFIG ?= pkg-config
CC         ?= cc

# Where objects go; `make check` builds a sanitized copy in build-san/.
O ?= build

PKGS := readline libpcre2-8 sqlite3
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || echo -lreadline -lpcre2-8 -lsqlite3)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wwrite-strings -Wvla \
	-Wformat=2 -Wpointer-arith -Wundef
CORE_WARN := -Wconversion -Wsign-conversion

CFLAGS ?= -O2 -g
ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
ifeq ($(SAN),1)
CFLAGS += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

# The built-in bank as seen by an installed binary; a build-tree binary
# finds questions/ and rubrics/ beside itself first.
BANKDIR := $(DATADIR)/pmdrill
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.1.0)

ALL_CPPFLAGS := -std=c17 -D_POSIX_C_SOURCE=200809L -DPCRE2_CODE_UNIT_WIDTH=8 \
	-DPMDRILL_VERSION='"$(VERSION)"' -DPMDRILL_BANKDIR='"$(BANKDIR)"' \
	-Isrc -Isrc/core $(PKG_CFLAGS) $(CPPFLAGS)

CORE_SRC  := $(sort $(wildcard src/core/*.c))
SHELL_SRC := $(sort $(filter-out src/main.c,$(wildcard src/*.c)))
CORE_OBJ  := $(CORE_SRC:%.c=$(O)/%.o)
SHELL_OBJ := $(SHELL_SRC:%.c=$(O)/%.o)
MAIN_OBJ  := $(O)/src/main.o

UNIT_SRC  := $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
FIT_BIN   := $(O)/calibrate/fit
TOOL_SRC  := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN  := $(TOOL_SRC:tests/tools/%.c=$(O)/tools/%)
BENCH_SRC := $(sort $(wildcard tests/bench/*.c))
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(O)/bench/%)

ifeq ($(O),build)
PROG := pmdrill
else
PROG := $(O)/pmdrill
endif

.PHONY: all test check unit valgrind bench bench-scale score-identical fuzz install uninstall clean fmt lint help calibrate
all: $(PROG)

$(PROG): $(MAIN_OBJ) $(SHELL_OBJ) $(CORE_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(O)/src/core/%.o: src/core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CORE_WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

$(O)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

# Unit tests link the pure core only: a test that needs the shell is testing
# the wrong layer.
$(O)/tests/%: tests/unit/%.c $(CORE_OBJ) tests/unit/tap.h tests/unit/diagtest.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(PKG_LIBS) -lm

# Helpers the test scripts run (tests/tools/*.c), linked like the tests.
$(O)/tools/%: tests/tools/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(PKG_LIBS) -lm

$(O)/bench/%: tests/bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(PKG_LIBS) -lm

unit: $(UNIT_BIN)

# The model fitter (tests/calibrate/fit.c) links the core, like the tests.
$(FIT_BIN): tests/calibrate/fit.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(PKG_LIBS) -lm

# Fit the scoring model on every calibration set and write it where the
# rubrics are loaded from (rubrics/weights.fit); prints the figures,
# leave-one-question-out on the shared graded set.  docs/SCORING.md §8.
CALIB_SHARED ?= ../shared/calibration
CALIB_SETS   := $(CALIB_SHARED) tests/calib tests/calib-blind tests/calib-blind2
calibrate: $(PROG) $(FIT_BIN)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	sh tests/calibrate/flatten.sh "$$d" $(CALIB_SETS) && \
	PMDRILL_BIN=$(abspath $(PROG)) sh tests/calibrate/features.sh "$$d" && \
	$(FIT_BIN) "$$d/features.tsv" --loqo calibration --write rubrics/weights.fit

# The whole suite: unit tests, the shipped bank, end-to-end and pty tests.
test: $(PROG) $(UNIT_BIN) $(FIT_BIN) $(TOOL_BIN)
	PMDRILL_BIN=$(abspath $(PROG)) UNIT_DIR=$(abspath $(O)/tests) \
		TOOL_DIR=$(abspath $(O)/tools) sh tests/run.sh

check:
	$(MAKE) O=build-san SAN=1 test

valgrind: $(PROG)
	PMDRILL_BIN=$(abspath $(PROG)) sh tests/valgrind.sh

bench: $(BENCH_BIN) $(PROG)
	@for b in $(BENCH_BIN); do $$b || exit 1; done
	@PMDRILL_BIN=$(abspath $(PROG)) sh tests/bench/startup.sh

# Every calibration answer scored by REF's build and by this one must come
# out byte for byte the same (tests/bench/score-identical.sh): the check
# for work on the scorer's speed.  REF (default: where this branch left
# main) is built from `git archive` in a scratch folder.  About a minute.
REF ?= $$(git merge-base HEAD main)
score-identical: $(PROG)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	git archive "$(REF)" | tar -x -C "$$d" && \
	$(MAKE) -s -C "$$d" pmdrill >/dev/null && \
	sh tests/bench/score-identical.sh "$$d/pmdrill" $(abspath $(PROG))

# 10,000 questions and 100,000 attempts built in a temporary folder, then
# import, next, stats, start-up, memory and database size against their
# targets (docs/BENCHMARKS.md).  About 4 minutes; reports, never fails on
# a missed target.  SCALE_IMPORT_CAP=0 lets the 100k import run to the end.
bench-scale: $(PROG)
	@PMDRILL_BIN=$(abspath $(PROG)) sh tests/bench/scale.sh

# libFuzzer on the in-memory parsers and the scorer (clang), and on the
# untrusted inputs: an import file, a database pmdrill did not write, a
# bank cache file.  FUZZ_SECONDS each, seeded from the bank, the
# calibration answers and the test data.  A crash leaves its input in
# build-fuzz/; minimise it into tests/data/bad/.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := qbank rubric score import dbopen bankcache
STORE_FUZZ_SRC := $(sort $(wildcard src/store-*.c)) src/app.c src/bank-cache.c
fuzz: $(O)/tools/bankcache-tool
	@mkdir -p build-fuzz
	@for t in $(FUZZ_TARGETS); do \
		case $$t in import|dbopen) extra="$(STORE_FUZZ_SRC)";; *) extra=;; esac; \
		clang -g -O1 -fsanitize=fuzzer,address,undefined $(ALL_CPPFLAGS) \
			-o build-fuzz/fuzz-$$t tests/fuzz/fuzz-$$t.c $(CORE_SRC) $$extra $(PKG_LIBS) -lm || exit 1; \
		mkdir -p build-fuzz/corpus-$$t; \
		case $$t in qbank) seeds=questions;; rubric) seeds=rubrics;; score) seeds=tests/calib;; \
			import) seeds=tests/data/migrate;; \
			dbopen) seeds=build-fuzz/seed-dbopen; mkdir -p $$seeds; rm -f $$seeds/v1.db; \
				sqlite3 $$seeds/v1.db <tests/data/migrate/v1.sql || exit 1;; \
			bankcache) seeds=build-fuzz/seed-bankcache; mkdir -p $$seeds; \
				$(O)/tools/bankcache-tool encode $$seeds/store.cache \
					tests/data/store/rubrics/store.txt tests/data/store/questions/store.txt || exit 1;; esac; \
		echo "fuzz-$$t: $(FUZZ_SECONDS) s"; \
		build-fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=262144 \
			-artifact_prefix=build-fuzz/ build-fuzz/corpus-$$t $$seeds >build-fuzz/fuzz-$$t.log 2>&1 \
			|| { tail -30 build-fuzz/fuzz-$$t.log; exit 1; }; \
		tail -1 build-fuzz/fuzz-$$t.log; \
	done

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(BANKDIR)/questions $(DESTDIR)$(BANKDIR)/rubrics $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/pmdrill
	install -m 644 questions/*.txt $(DESTDIR)$(BANKDIR)/questions/
	install -m 644 rubrics/*.txt rubrics/weights.fit $(DESTDIR)$(BANKDIR)/rubrics/
	if [ -f pmdrill.1 ]; then install -m 644 pmdrill.1 $(DESTDIR)$(MANDIR)/man1/pmdrill.1; fi
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completions/pmdrill.bash $(DESTDIR)$(BASHCOMPDIR)/pmdrill
	install -m 644 completions/_pmdrill $(DESTDIR)$(ZSHCOMPDIR)/_pmdrill

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pmdrill $(DESTDIR)$(MANDIR)/man1/pmdrill.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/pmdrill $(DESTDIR)$(ZSHCOMPDIR)/_pmdrill
	rm -rf $(DESTDIR)$(BANKDIR)

clean:
	rm -rf build build-san build-fuzz pmdrill

FMT_FILES = src/*.c src/*.h src/core/*.c src/core/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c
fmt:
	clang-format -i $(FMT_FILES)

# The core must stay pure: no I/O, clock, environment or exit.
lint:
	@if command -v mandoc >/dev/null; then mandoc -Tlint -Wwarning pmdrill.1; fi
	@! grep -nE '\b(fopen|fprintf|printf|puts|getenv|time|rand|exit|sqlite3_[a-z_]+|readline)\s*\(' src/core/*.c \
		|| { echo 'lint: I/O or globals in src/core'; exit 1; }
	@echo 'lint: src/core is pure'
	@if command -v clang-format >/dev/null; then \
		clang-format --dry-run --Werror $(FMT_FILES) && echo 'lint: formatted as .clang-format says'; \
	else echo 'lint: clang-format not installed; formatting not checked'; fi

help:
	@echo 'make            build ./pmdrill'
	@echo 'make test       unit, bank, end-to-end and pty tests'
	@echo 'make check      the same suite under ASan and UBSan (build-san/)'
	@echo 'make valgrind   a pty drill session under valgrind, leaks fail'
	@echo 'make calibrate  fit the scoring model (rubrics/weights.fit) on the calibration sets'
	@echo 'make bench      scoring and start-up benchmarks'
	@echo 'make score-identical  every calibration score as at REF (main's fork point)'
	@echo 'make bench-scale 10,000 questions, 100,000 attempts: speed, memory, size'
	@echo 'make fuzz       libFuzzer on the parsers and the scorer (FUZZ_SECONDS=30)'
	@echo 'make install    PREFIX=/usr/local DESTDIR= (binary, bank, man page)'
	@echo 'make lint       check that src/core does no I/O'
	@echo 'make fmt        clang-format the sources'

-include $(CORE_OBJ:.o=.d) $(SHELL_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
