#!/usr/bin/env bash
# The vcsc test suite. Run from the repository root (make test does).
#
#   tests/run.sh             everything: unit tests, the check corpus, the
#                            golden outputs, determinism, and the same unit
#                            tests and corpus again under ASan+UBSan
#   UPDATE=1 tests/run.sh    rewrite expected outputs of the corpus (review
#                            the diff before committing)
#   VALGRIND=1 tests/run.sh  the unit tests and corpus under valgrind
#   ONLY=check tests/run.sh  one group: unit, check, golden, site, browser,
#                            pdf, diff
#
# Ends with a line "N passed, N failed, N skipped"; exits 1 if anything
# failed. A test that cannot run here says "skipped: NAME: reason" (skip).
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

# --- unit tests: the binary prints "PASS name" / "FAIL name" lines -------
run_unit() {
	local bin=$1 tag=$2 out
	[ -x "$bin" ] || { bad "$tag: $bin missing (make build/unit asan)"; return; }
	out=$(cd "$ROOT" && ${VALGRIND:+valgrind -q --leak-check=full --error-exitcode=98} "$bin" 2>&1)
	local rc=$?
	while IFS= read -r line; do
		case $line in
		"PASS "*) ok "$tag ${line#PASS }" ;;
		"FAIL "*) bad "$tag ${line#FAIL }" "$out" ;;
		esac
	done <<<"$out"
	[ $rc -eq 0 ] || [ $rc -eq 1 ] || bad "$tag: exit status $rc" "$out"
}

# --- the check corpus: tests/check/NAME/{cmd,expected[,prepare]} ---------
run_corpus() {
	local vcsc=$1 tag=$2 dir name actual rc
	for dir in tests/check/*/; do
		name=$(basename "$dir")
		[ -f "$dir/prepare" ] && sh "$dir/prepare"
		actual=$TMP/$name.out
		# shellcheck disable=SC2046
		(timeout 10 ${VALGRIND:+valgrind -q --leak-check=full --error-exitcode=98} \
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
if [ -z "${VALGRIND:-}" ] && { want unit || want check || want asan; }; then
	if [ -x build/asan/vcsc ]; then
		run_unit build/asan/unit asan-unit
		run_corpus build/asan/vcsc asan-check
	else
		bad "asan: build/asan/vcsc missing (make asan)"
	fi
fi

echo
if [ $fail -gt 0 ]; then
	echo "failed:"
	printf '  %s\n' "${failed[@]}"
fi
echo "$pass passed, $fail failed, $skipped skipped"
[ $fail -eq 0 ]
