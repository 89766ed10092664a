#!/usr/bin/env bash
# The vcsc test suite. Run from the repository root (make test does).
#
#   tests/run.sh             everything: unit tests, the check corpus, every
#                            tests/t-*.sh group, and the unit tests and
#                            corpus again under ASan+UBSan (group asan)
#   UPDATE=1 tests/run.sh    rewrite expected outputs (the corpus, the
#                            goldens of the groups; review the diff before
#                            committing)
#   VALGRIND=1 tests/run.sh  the unit tests and corpus under valgrind (the
#                            sanitizer checks are skipped)
#   ONLY=check tests/run.sh  one group: unit, check, asan, or NAME of a
#                            tests/t-NAME.sh (browser, diff, format,
#                            golden, io, main, pdf, self, site)
#   VERBOSE=1 tests/run.sh   also print a PASS line per test
#
# Ends with a line "N passed, N failed, N skipped"; exits 1 if anything
# failed. Every test says ok (passed) or bad (FAIL, with details); one that
# cannot run here says "skipped: NAME: reason" (skip) and is counted, never
# left out silently. What make test itself provides (build/asan/*, the
# tools scripts/deps.sh test installs) is not a reason to skip: its absence
# is a FAIL. Set-up steps (npm ci, a corpus case's prepare script) are not
# tests: a failing one is a FAIL, one that works is not counted.
#
# A group is a file tests/t-NAME.sh, sourced here (it uses ok, bad, skip,
# have_asan, $TMP, $ROOT); adding one is adding the file.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
pass=0
fail=0
skipped=0
failed=()
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99

ok()   { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "PASS $1"; return 0; }
bad()  { fail=$((fail + 1)); failed+=("$1"); echo "FAIL $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | head -40; return 0; }
skip() { skipped=$((skipped + 1)); echo "skipped: $1: $2"; return 0; }
want() { [ -z "${ONLY:-}" ] || [ "$ONLY" = "$1" ]; }

summary() {
	echo
	if [ $fail -gt 0 ]; then
		echo "failed:"
		printf '  %s\n' "${failed[@]}"
	fi
	echo "$pass passed, $fail failed, $skipped skipped"
	[ $fail -eq 0 ]
}

# have_asan NAME: whether the sanitizer checks NAME can run. make test
# builds build/asan/, so a missing binary is a failure; make valgrind
# builds none (and ASan does not run under valgrind), so with VALGRIND=1
# they are skipped.
have_asan() {
	if [ -n "${VALGRIND:-}" ]; then
		skip "$1" "not with VALGRIND=1 (make valgrind builds no sanitizer binary)"
		return 1
	fi
	if [ ! -x build/asan/vcsc ]; then
		bad "$1: build/asan/vcsc missing (make asan; make test builds it)"
		return 1
	fi
	return 0
}

# The groups: unit, check, asan and one per tests/t-NAME.sh.
groups="unit check asan"
for t in tests/t-*.sh; do
	[ -f "$t" ] || continue
	g=$(basename "$t" .sh)
	groups="$groups ${g#t-}"
done
known=
for g in $groups; do [ "${ONLY:-}" = "$g" ] && known=1; done
if [ -n "${ONLY:-}" ] && [ -z "$known" ]; then
	echo "tests/run.sh: no test group '$ONLY' (groups: $groups)" >&2
	exit 2
fi

# The tools the groups use that scripts/deps.sh test installs: without
# them checks would fail for the wrong reason (or pass on empty output).
missing=
for tool in jq qpdf pdftotext pdfinfo pdffonts node timeout ${VALGRIND:+valgrind}; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	bad "tools missing:$missing (scripts/deps.sh test installs them)"
	summary
	exit 1
fi

# --- unit tests: the binary prints "PASS name" / "FAIL name" lines -------
# A FAIL line is a failed test. The binary must report every test of
# tests/unit/tests.def and exit 0, or 1 with FAIL lines; anything else (a
# crash, a sanitizer or valgrind report, an exit before the end) fails.
run_unit() {
	local bin=$1 tag=$2 out rc line npass=0 nfail=0 total
	[ -x "$bin" ] || { bad "$tag: $bin missing (make build/unit asan)"; return; }
	out=$(cd "$ROOT" && ${VALGRIND:+valgrind -q --leak-check=full --error-exitcode=98} "$bin" 2>&1)
	rc=$?
	while IFS= read -r line; do
		case $line in
		"PASS "*) ok "$tag ${line#PASS }"; npass=$((npass + 1)) ;;
		"FAIL "*) bad "$tag ${line#FAIL }" "$out"; nfail=$((nfail + 1)) ;;
		esac
	done <<<"$out"
	total=$(grep -c '^T(' tests/unit/tests.def)
	if [ $rc -gt 1 ]; then
		bad "$tag: $bin exit status $rc (crash, sanitizer or valgrind report)" "$out"
	elif [ $rc -ne 0 ] && [ $nfail -eq 0 ]; then
		bad "$tag: $bin exit status $rc without a FAIL line" "$out"
	elif [ $rc -eq 0 ] && [ $nfail -ne 0 ]; then
		bad "$tag: $bin exit status 0 despite FAIL lines ($nfail)" "$out"
	fi
	if [ $npass -eq 0 ]; then
		bad "$tag: $bin printed no PASS line" "$out"
	elif [ $((npass + nfail)) -ne "$total" ]; then
		bad "$tag: $bin reported $((npass + nfail)) of the $total tests of tests/unit/tests.def" "$out"
	fi
}

# --- the check corpus: tests/check/NAME/{cmd,expected[,prepare]} ---------
run_corpus() {
	local vcsc=$1 tag=$2 dir name actual rc limit=10
	# the limit catches a hang, it does not time vcsc: a sanitized or
	# valgrind run of the deepest cases takes several seconds alone, more
	# on a loaded machine
	if [ "$tag" != check ] || [ -n "${VALGRIND:-}" ]; then limit=60; fi
	for dir in tests/check/*/; do
		name=$(basename "$dir")
		# prepare is set-up: not a test, but the case cannot run without it
		if [ -f "$dir/prepare" ] && ! sh "$dir/prepare" >"$TMP/prepare.out" 2>&1; then
			bad "$tag $name: $dir/prepare failed" "$(cat "$TMP/prepare.out")"
			continue
		fi
		actual=$TMP/$name.out
		# shellcheck disable=SC2046
		(timeout $limit ${VALGRIND:+valgrind -q --leak-check=full --error-exitcode=98} \
			"$vcsc" $(cat "$dir/cmd") >"$actual" 2>&1; echo "exit: $?" >>"$actual")
		if [ -n "${UPDATE:-}" ] && [ "$tag" = check ]; then
			cp "$actual" "$dir/expected"
		fi
		if diff -u "$dir/expected" "$actual" >"$TMP/diff" 2>&1; then
			ok "$tag $name"
		else
			bad "$tag $name" "$(cat "$TMP/diff")"
		fi
	done
}

if want unit; then
	run_unit build/unit unit
fi
if want check; then
	run_corpus ./vcsc check
fi
for t in tests/t-*.sh; do
	[ -f "$t" ] || continue
	g=$(basename "$t" .sh); g=${g#t-}
	want "$g" || continue
	# shellcheck source=/dev/null
	. "$t"
done
if want unit || want check || want asan; then
	if have_asan "asan unit tests and check corpus"; then
		run_unit build/asan/unit asan-unit
		run_corpus build/asan/vcsc asan-check
	fi
fi

summary
