# reader: a terminal reader for wire stories.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
PKG_CONFIG ?= pkg-config

PKGS = ncursesw libcurl libxml-2.0 sqlite3 fribidi
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl is loaded at run time when the first URL is fetched (fetch.c).
PKG_LIBS := $(shell $(PKG_CONFIG) --libs ncursesw libxml-2.0 sqlite3 fribidi \
	2>/dev/null)

CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes \
	-Wshadow -Wwrite-strings -Wno-unused-parameter
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -Iinclude \
	$(WARN) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS = $(PKG_LIBS)

# Every src/*.c is one stage or one screen: the screens are src/ui*.c,
# main.c is the program, and everything else is the core that the tests
# link (a new stage needs no line here).
SRC := $(sort $(filter-out src/gazetteer.c,$(wildcard src/*.c)) src/gazetteer.c)
UI := $(patsubst %.c,%.o,$(filter src/ui%.c,$(SRC)))
CORE := $(patsubst %.c,%.o,$(filter-out src/main.c src/ui%.c,$(SRC)))
OBJ = src/main.o $(UI) $(CORE)
HDR = $(wildcard include/*.h)

TESTS = tests/unit tests/entity_test tests/feed_test tests/html_test \
	tests/store_test tests/fuzz_replay tests/copies_test

all: reader tests/conll-tag

reader: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

src/%.o: src/%.c $(HDR)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The gazetteers, compiled into one hash table (tools/gazetteer.py
# regenerates data/*.txt from the packages named in data/SOURCES.md).
GAZ = words=data/words.txt first=data/first-names.txt \
	family=data/family-names.txt surname=data/surnames.txt \
	country=data/countries.txt region=data/regions.txt \
	city=data/cities.txt cues=data/cues.txt
GAZ_DATA = data/words.txt data/first-names.txt data/family-names.txt \
	data/surnames.txt \
	data/countries.txt data/regions.txt data/cities.txt data/cues.txt

tools/gazgen: tools/gazgen.c include/gazetteer.h
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/gazgen.c

src/gazetteer.c: tools/gazgen $(GAZ_DATA)
	./tools/gazgen $@ $(GAZ)

src/gazetteer.o: src/gazetteer.c include/gazetteer.h
	$(CC) $(ALL_CFLAGS) -O1 -c -o $@ src/gazetteer.c

tests/entity_test: tests/entity_test.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/entity_test.c $(CORE) $(LDLIBS)

tests/conll-tag: tests/conll-tag.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/conll-tag.c $(CORE) $(LDLIBS)

# Names and places scored on CoNLL-2003 dev and on a fifth of the
# training set held out from the rules' development (every fifth story,
# "--part 4/5"; doc/names-rules.md). NER_TRAIN=1 scores the rest too.
NER_DEV = ../shared/eval/ner/conll2003-dev.txt
NER_TRAIN_SET = ../shared/eval/ner/conll2003-train.txt
CONLLEVAL = python3 ../shared/eval/ner/conlleval.py
eval-ner: tests/conll-tag
	./tests/conll-tag < $(NER_DEV) > tests/conll-dev.out
	@echo "== dev: PER,LOC"; $(CONLLEVAL) --types PER,LOC tests/conll-dev.out
	@echo "== dev: PER,LOC,ORG"; $(CONLLEVAL) --types PER,LOC,ORG tests/conll-dev.out
	@echo "== dev: --unlabeled"; $(CONLLEVAL) --unlabeled tests/conll-dev.out | tail -1
	@python3 tests/ner_errors.py tests/conll-dev.out PER,LOC 10
	./tests/conll-tag --part 4/5 < $(NER_TRAIN_SET) > tests/conll-held.out
	@echo "== held-out fifth of train: PER,LOC"; $(CONLLEVAL) --types PER,LOC tests/conll-held.out
	@python3 tests/ner_errors.py tests/conll-held.out PER,LOC 10
	@if [ -n "$(NER_TRAIN)" ]; then \
		./tests/conll-tag --rest 4/5 < $(NER_TRAIN_SET) > tests/conll-train.out; \
		echo "== rest of train: PER,LOC"; \
		$(CONLLEVAL) --types PER,LOC tests/conll-train.out; fi

# The cleaners measured on the extraction benchmark (see README).
WCXB = ../shared/eval/extract/wcxb-dev
eval: reader
	python3 tests/eval.py ./reader $(WCXB) tests/out/html html
	python3 tests/eval.py ./reader $(WCXB) tests/out/plain plain

tests/bench_html: tests/bench_html.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/bench_html.c $(CORE) \
		$(LDLIBS) -lz

tests/bench_store: tests/bench_store.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/bench_store.c $(CORE) \
		$(LDLIBS)

bench: tests/conll-tag tests/bench_html tests/bench_store reader
	./tests/bench_store
	./tests/bench_html $(WCXB)/html
	sh tests/bench_open.sh
	./tests/conll-tag --bench < $(NER_DEV)
	python3 tests/bench_fetch.py

tests/feed_test: tests/feed_test.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/feed_test.c $(CORE) $(LDLIBS)

tests/store_test: tests/store_test.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/store_test.c $(CORE) $(LDLIBS)

tests/html_test: tests/html_test.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/html_test.c $(CORE) $(LDLIBS)

tests/unit: tests/unit.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/unit.c $(CORE) $(LDLIBS)

# libFuzzer harnesses, one per parser (fuzz/*.c), built with clang and
# ASan/UBSan into fuzz/build/ (Debian: clang, libclang-rt-14-dev). Run one
# with fuzz/build/fuzz-NAME fuzz/corpus/NAME (see README). The same
# harnesses, without libFuzzer, replay the corpora in "make check".
FUZZERS = text html feed config sanitize query
FUZZ_CC = clang
FUZZ_SAN = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_OBJ = $(CORE:src/%.o=fuzz/build/%.o) fuzz/build/check.o
FUZZ_HDR = $(HDR) fuzz/fuzz.h

fuzz: $(FUZZERS:%=fuzz/build/fuzz-%)

.PRECIOUS: fuzz/build/%.o tests/fuzz-%.o

fuzz/build/%.o: src/%.c $(HDR)
	@mkdir -p fuzz/build
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
		-c -o $@ $<

fuzz/build/check.o: fuzz/check.c $(FUZZ_HDR)
	@mkdir -p fuzz/build
	$(FUZZ_CC) $(ALL_CFLAGS) -Ifuzz $(FUZZ_SAN) -c -o $@ fuzz/check.c

fuzz/build/fuzz-%: fuzz/%.c $(FUZZ_OBJ) $(FUZZ_HDR)
	$(FUZZ_CC) $(ALL_CFLAGS) -Ifuzz $(FUZZ_SAN) -fsanitize=fuzzer \
		-o $@ $< $(FUZZ_OBJ) $(LDLIBS)

REPLAY_OBJ = $(FUZZERS:%=tests/fuzz-%.o) tests/fuzz-check.o

tests/fuzz-check.o: fuzz/check.c $(FUZZ_HDR)
	$(CC) $(ALL_CFLAGS) -Ifuzz -c -o $@ fuzz/check.c

tests/fuzz-%.o: fuzz/%.c $(FUZZ_HDR)
	$(CC) $(ALL_CFLAGS) -Ifuzz -DFUZZ_ENTRY=fuzz_$* -c -o $@ $<

tests/fuzz_replay: fuzz/replay.c $(REPLAY_OBJ) $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ fuzz/replay.c $(REPLAY_OBJ) \
		$(CORE) $(LDLIBS)

check:
	sh tests/deps.sh
	$(MAKE) reader $(TESTS)
	sh tests/run.sh

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer
# (any report fails it), in a copy of the tree under build/asan so the
# normal build is left alone.
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
check-asan:
	sh tests/deps.sh
	rm -rf build/asan
	mkdir -p build/asan
	tar cf - --exclude=./build --exclude=./.git --exclude=./fuzz/build \
		--exclude='*.o' . | tar xf - -C build/asan
	$(MAKE) -C build/asan clean
	READER_SANITIZED=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		$(MAKE) -C build/asan check CFLAGS="-O1 -g $(SAN)" \
		LDFLAGS="$(SAN)"

# The golden files through valgrind: no errors, no leaks.
check-valgrind: reader
	sh tests/valgrind.sh

# Install the -dev packages if they are missing, build, open a sample
# (the README's sample screen is its first page: tests/readme_screen.sh).
run:
	sh tests/deps.sh
	$(MAKE) reader
	./reader tests/text/wire-portal.txt tests/text/ap-style.txt \
		tests/text/afp-style.txt

install: reader
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5
	install -m 755 reader $(DESTDIR)$(BINDIR)/reader
	install -m 644 man/reader.1 $(DESTDIR)$(MANDIR)/man1/reader.1
	install -m 644 man/reader.conf.5 $(DESTDIR)$(MANDIR)/man5/reader.conf.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/reader $(DESTDIR)$(MANDIR)/man1/reader.1 \
		$(DESTDIR)$(MANDIR)/man5/reader.conf.5

clean:
	rm -f reader src/*.o tests/*.o $(TESTS) src/gazetteer.c tools/gazgen \
		tests/conll-tag tests/conll-dev.out tests/conll-held.out \
		tests/conll-train.out tests/bench_html tests/bench_store
	rm -rf tests/out fuzz/build build

# Rewrite the golden files from the current build; review with git diff.
golden: reader
	sh tests/golden.sh -u
	sh tests/search.sh -u

# Rewrite the README's sample screen from what reader draws at 80x24.
readme-screen: reader
	sh tests/readme_screen.sh -u

.PHONY: all check run install uninstall clean golden eval eval-ner bench eval-copies \
	fuzz check-asan check-valgrind readme-screen

tests/copies_test: tests/copies_test.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/copies_test.c $(CORE) $(LDLIBS)

# Copy detection measured on the labelled set (tests/copies, doc/copies.md).
tests/copies_eval: tests/copies_eval.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/copies_eval.c $(CORE) $(LDLIBS)

eval-copies: tests/copies_eval
	rm -rf tests/out/copies
	python3 tests/copies/gen.py tests/out/copies
	./tests/copies_eval tests/out/copies/*
