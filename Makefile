# vcsc - the ENX VCS catalogue compiler.
#
#   make          build ./vcsc
#   make run      install missing Debian packages, build, compile the bundled
#                 catalogue into output/
#   make test     install test dependencies, run the whole suite (also built
#                 with AddressSanitizer + UBSan; includes the format check)
#   make valgrind run the check corpus under valgrind
#   make format   rewrite the C sources in the house format (.clang-format)
#   make bench    benchmarks (not part of make test)

CC      ?= cc
PKGS     = yaml-0.1 libcmark-gfm libxml-2.0 libxslt libexslt libunibreak \
           libsodium libqrencode libzip xlsxwriter
CFLAGS  ?= -O2 -g
WFLAGS   = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wno-missing-field-initializers
CPPFLAGS = -D_DEFAULT_SOURCE -Icompiler
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LIBS     = $(PKG_LIBS) -lcmark-gfm-extensions -lhpdf -lm

# Parallel jobs for the builds of make run and make test: one per core.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# One folder a stage under compiler/ (see compiler/README.md); main.c on top.
SRCS = compiler/main.c $(sort $(wildcard compiler/*/*.c))
LIB_SRCS = $(filter-out compiler/main.c,$(SRCS))
OBJS = $(SRCS:compiler/%.c=build/%.o)
LIB_OBJS = $(LIB_SRCS:compiler/%.c=build/%.o)
ASAN_OBJS = $(SRCS:compiler/%.c=build/asan/%.o)
ASAN_LIB_OBJS = $(LIB_SRCS:compiler/%.c=build/asan/%.o)
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
UNIT_SRCS = $(wildcard tests/unit/*.c)
UNIT_OBJS = $(UNIT_SRCS:tests/unit/%.c=build/unit-obj/%.o)
ASAN_UNIT_OBJS = $(UNIT_SRCS:tests/unit/%.c=build/asan/unit-obj/%.o)
# -MMD -MP: each object's header dependencies, so that a header edit
# rebuilds only what includes it.
DEPFLAGS = -MMD -MP

.PHONY: all run test deps deps-test asan unit clean valgrind bench fuzz \
	format format-check

all: vcsc

vcsc: $(OBJS)
	@$(if $(V),:,echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $(OBJS) $(LIBS)

# V=1 shows the full compiler command lines.
Q = $(if $(V),,@)

build/%.o: compiler/%.c
	@mkdir -p $(@D)
	@$(if $(V),:,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/asan/%.o: compiler/%.c
	@mkdir -p $(@D)
	@$(if $(V),:,echo "  CC/ASAN $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WFLAGS) $(ASAN_FLAGS) $(DEPFLAGS) -c -o $@ $<

build/unit-obj/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@$(if $(V),:,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/asan/unit-obj/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@$(if $(V),:,echo "  CC/ASAN $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WFLAGS) $(ASAN_FLAGS) $(DEPFLAGS) -c -o $@ $<

build/asan/vcsc: $(ASAN_OBJS)
	@$(if $(V),:,echo "  LD      $@")
	$(Q)$(CC) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LIBS)

build/unit: $(UNIT_OBJS) $(LIB_OBJS)
	@$(if $(V),:,echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $(UNIT_OBJS) $(LIB_OBJS) $(LIBS)

build/asan/unit: $(ASAN_UNIT_OBJS) $(ASAN_LIB_OBJS)
	@$(if $(V),:,echo "  LD      $@")
	$(Q)$(CC) $(ASAN_FLAGS) -o $@ $(ASAN_UNIT_OBJS) $(ASAN_LIB_OBJS) $(LIBS)

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(UNIT_OBJS:.o=.d) $(ASAN_UNIT_OBJS:.o=.d)

asan: build/asan/vcsc build/asan/unit

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

# The main job: everything vcsc publishes for the bundled catalogue.
run: deps
	$(MAKE) -j$(JOBS) all
	scripts/build-output.sh

test: deps-test
	$(MAKE) -j$(JOBS) all build/unit asan
	tests/run.sh

valgrind: all build/unit
	VALGRIND=1 tests/run.sh

clean:
	rm -rf build vcsc output

# The C sources in the house format (.clang-format, clang-format 14):
# format rewrites them in place, format-check lists those that are not
# (make test runs it as the group tests/t-format.sh).
format:
	@scripts/format.sh

format-check:
	@scripts/format.sh --check

# Benchmarks: two synthetic catalogues of 10,000 requirements each under
# build/bench, and the time of `vcsc diff` between them (median of five).
build/gencat: tests/bench/gencat.c
	@mkdir -p build
	$(CC) $(CPPFLAGS) $(WFLAGS) -O2 -o $@ $<

bench: all build/gencat build/certbench
	tests/bench/bench.sh
	build/certbench examples/audits/clean.yaml 1000

# The time to issue and to verify one label certificate (median of 1,000
# in one process) and where it goes.
build/certbench: tests/bench/certbench.c $(LIB_OBJS)
	@mkdir -p build
	@$(if $(V),:,echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS)

# Coverage-guided fuzzing of the YAML front end (clang's libFuzzer); runs
# FUZZ_SECONDS (default 60) from a corpus seeded with the catalogue files.
FUZZ_SECONDS ?= 60
FUZZ_SRCS = compiler/front/ynode.c compiler/base/util.c compiler/base/files.c \
            compiler/base/diag.c compiler/base/json.c
build/fuzz_ynode: tests/fuzz/fuzz_ynode.c $(FUZZ_SRCS)
	mkdir -p build
	clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -o $@ \
		tests/fuzz/fuzz_ynode.c $(FUZZ_SRCS) -lyaml

fuzz: build/fuzz_ynode
	mkdir -p build/fuzz-corpus
	cp catalogue/vcsa/*/*.yaml tests/check/*/vcsa/1.0/*.yaml build/fuzz-corpus/ 2>/dev/null || true
	build/fuzz_ynode -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz-corpus
