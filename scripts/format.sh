#!/bin/sh
# The C sources in the house format: .clang-format, as clang-format 14 (the
# one of Debian 12) applies it; other versions format differently.
#   scripts/format.sh          rewrite them in place (make format)
#   scripts/format.sh --check  list those that are not formatted; exit 1
#                              if any (make format-check, tests/t-format.sh)
#   scripts/format.sh --list   list the files it formats
# CLANG_FORMAT names the program (default clang-format-14, else
# clang-format). Exit 2 when it is missing or is not version 14.
set -eu
cd "$(dirname "$0")/.."

mode=${1:-rewrite}
case $mode in
rewrite | --check | --list) ;;
*)
	echo "usage: scripts/format.sh [--check | --list]" >&2
	exit 2
	;;
esac

# compiler/ at any depth, the unit tests, the benchmark and fuzz programs
files=$({
	find compiler -name '*.[ch]'
	find tests/unit -maxdepth 1 -name '*.[ch]'
	find tests/bench tests/fuzz -maxdepth 1 -name '*.c'
} | LC_ALL=C sort)
if [ "$mode" = --list ]; then
	printf '%s\n' "$files"
	exit 0
fi

cf=${CLANG_FORMAT:-}
if [ -z "$cf" ]; then
	cf=clang-format
	command -v clang-format-14 >/dev/null 2>&1 && cf=clang-format-14
fi
if ! command -v "$cf" >/dev/null 2>&1; then
	echo "scripts/format.sh: $cf not found (scripts/deps.sh test installs clang-format)" >&2
	exit 2
fi
version=$("$cf" --version 2>/dev/null | sed -n 's/.*clang-format version \([0-9]*\)\..*/\1/p')
if [ "$version" != 14 ]; then
	echo "scripts/format.sh: $cf is version ${version:-unknown}; the house format is clang-format 14's (Debian 12: apt-get install clang-format; or set CLANG_FORMAT)" >&2
	exit 2
fi

if [ "$mode" = rewrite ]; then
	# shellcheck disable=SC2086
	exec "$cf" -i --style=file $files
fi

# One run over every file; --ferror-limit=1 reports each file once.
# shellcheck disable=SC2086
out=$("$cf" --dry-run --Werror --ferror-limit=1 --style=file $files 2>&1) && rc=0 || rc=$?
unformatted=$(printf '%s\n' "$out" |
	sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | uniq)
if [ -n "$unformatted" ]; then
	printf '%s\n' "$unformatted"
	echo "scripts/format.sh: $(printf '%s\n' "$unformatted" | wc -l) files not formatted; make format rewrites them" >&2
	exit 1
fi
if [ $rc -ne 0 ]; then
	printf '%s\n' "$out" >&2
	exit 2
fi
exit 0
