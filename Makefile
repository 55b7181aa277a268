# reader: a terminal reader for wire stories.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
PKG_CONFIG ?= pkg-config

PKGS = ncursesw libcurl libxml-2.0
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes \
	-Wshadow -Wwrite-strings -Wno-unused-parameter
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -Iinclude \
	$(WARN) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS = $(PKG_LIBS)

CORE = src/util.o src/text.o src/story.o src/config.o src/boiler.o \
	src/clean_text.o src/wire.o src/source.o
UI = src/ui.o src/ui_story.o src/ui_help.o
OBJ = src/main.o $(UI) $(CORE)
HDR = $(wildcard include/*.h)

TESTS = tests/unit

all: reader

reader: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

src/%.o: src/%.c $(HDR)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

tests/unit: tests/unit.c $(CORE) $(HDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/unit.c $(CORE) $(LDLIBS)

check:
	sh tests/deps.sh
	$(MAKE) reader $(TESTS)
	sh tests/run.sh

# Install the -dev packages if they are missing, build, open a sample.
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
	rm -f reader src/*.o $(TESTS)

# Rewrite the golden files from the current build; review with git diff.
golden: reader
	sh tests/golden.sh -u

.PHONY: all check run install uninstall clean golden
