# Socplan: `make run` and `make test` work on a fresh Debian 12 machine.
# Both install what is missing, configure with meson and build first.

BUILDDIR ?= build
ASANDIR  ?= build-asan
EXAMPLE  := data/examples/northwind-connected.socplan

# Everything a machine needs to build, test and run Socplan.
DEPS := gcc libc6-dev pkg-config meson ninja-build gettext locales \
        libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils \
        xvfb xauth poppler-utils valgrind desktop-file-utils appstream \
        clang-14 libclang-rt-14-dev llvm-14 \
        libical-dev qpdf fonts-dejavu-core groff-base man-db xdotool git

TEST_ENV := TZ=UTC LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=test
XVFB     := xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"

.PHONY: all deps build run test bench fuzz clean

all: build

deps:
	@sh build-aux/install-deps.sh $(DEPS)

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) -Dwerror=true --buildtype=debugoptimized

build: deps $(BUILDDIR)/build.ninja
	@meson compile -C $(BUILDDIR) >/dev/null || meson compile -C $(BUILDDIR)

# Uninstalled: the settings schema and the translations come from the build tree.
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data SOCPLAN_LOCALEDIR=$(BUILDDIR)/po $(BUILDDIR)/app/gtk/socplan $(EXAMPLE)

# The same suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (clang 14). Leak checking is exact: these tests have no display to excuse;
# only fontconfig's own configuration is excused (tests/lsan.supp says why).
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
            LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
            UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
            ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer

$(ASANDIR)/build.ninja:
	CC=clang-14 meson setup $(ASANDIR) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug

test: build $(ASANDIR)/build.ninja
	$(TEST_ENV) SOC_REQUIRE_LOCALES=1 $(XVFB) meson test -C $(BUILDDIR) --print-errorlogs --num-processes 2
	@meson compile -C $(ASANDIR) >/dev/null || meson compile -C $(ASANDIR)
	$(TEST_ENV) $(ASAN_ENV) SOC_REQUIRE_LOCALES=1 $(XVFB) meson test -C $(ASANDIR) --print-errorlogs --num-processes 2

bench: build
	@sh tests/bench/run-bench.sh $(BUILDDIR)

FUZZDIR ?= build-fuzz

$(FUZZDIR)/build.ninja:
	CC=clang-14 meson setup $(FUZZDIR) -Dfuzzing=true -Db_lundef=false --buildtype=debugoptimized

# make fuzz FUZZ_SECONDS=3600 runs each target for an hour.
fuzz: deps $(FUZZDIR)/build.ninja
	meson compile -C $(FUZZDIR) fuzz-reader fuzz-csv
	sh tests/fuzz/run-fuzz.sh $(FUZZDIR)

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR)
