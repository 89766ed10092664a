# Audit results as data (docs/audit-format.md): the examples under
# examples/audits/ check clean, `vcsc decide` gives the outcome and dates
# of the goldens (text and JSON) for each, the catalogue root still checks
# with providers.yaml in it, and each broken audit of the corpus
# (tests/check/audit-*) makes `vcsc decide` exit 1 too. The table-driven
# decision test is the unit test test_audit_decide_table.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP). UPDATE=1 rewrites
# the goldens tests/golden/decide-*.
# shellcheck shell=bash

for f in examples/audits/*.yaml; do
	n=$(basename "$f" .yaml)
	out=$(./vcsc check "$f" 2>&1)
	if [ $? -eq 0 ] && ! grep -q ': \(error\|warning\|note\):' <<<"$out"; then
		ok "audit $n checks clean"
	else
		bad "audit $n checks clean" "$out"
	fi
	for fmt in text json; do
		ext=$fmt
		[ $fmt = text ] && ext=txt
		g=tests/golden/decide-$n.$ext
		# no clock in a decision: another SOURCE_DATE_EPOCH, same bytes
		SOURCE_DATE_EPOCH=1 ./vcsc decide --format $fmt "$f" >"$TMP/dec.$ext" 2>"$TMP/dec.err"
		rc=$?
		[ -n "${UPDATE:-}" ] && [ $rc -eq 0 ] && cp "$TMP/dec.$ext" "$g"
		if [ $rc -eq 0 ] && [ ! -s "$TMP/dec.err" ] && diff -u "$g" "$TMP/dec.$ext" >"$TMP/d" 2>&1; then
			ok "audit decide $n ($fmt golden)"
		else
			bad "audit decide $n ($fmt golden)" "$(cat "$TMP/dec.err" "$TMP/d")"
		fi
	done
	if jq -e '.format == "vcsc-decision" and (.outcomes | length) > 0' "$TMP/dec.json" >/dev/null 2>&1; then
		ok "audit decide $n: JSON parses"
	else
		bad "audit decide $n: JSON parses" "$(head -20 "$TMP/dec.json")"
	fi
done

# The folder of examples, as one path: each audit file once.
out=$(./vcsc check examples/audits 2>&1)
if [ $? -eq 0 ] && [ "$(grep -c '^examples/audits/.*: audit ' <<<"$out")" -eq "$(ls examples/audits/*.yaml | wc -l)" ]; then
	ok "audit check of the examples' folder"
else
	bad "audit check of the examples' folder" "$out"
fi

# The catalogue root with providers.yaml in it still checks clean, and
# names the providers file.
out=$(./vcsc check catalogue 2>&1)
if [ $? -eq 0 ] && grep -q '^catalogue/providers.yaml: 3 audit providers$' <<<"$out" &&
	! grep -q ': \(error\|warning\):' <<<"$out"; then
	ok "audit catalogue root checks with providers.yaml"
else
	bad "audit catalogue root checks with providers.yaml" "$out"
fi

# Each broken audit of the corpus: decide refuses it as check does (exit
# 1, the same first diagnostic).
for dir in tests/check/audit-*/; do
	[ -f "$dir/cmd" ] || continue
	n=$(basename "$dir")
	grep -q '^exit: 1$' "$dir/expected" 2>/dev/null || continue
	# shellcheck disable=SC2046
	set -- $(cat "$dir/cmd")
	[ "$1" = check ] || continue
	shift
	args=()
	for a in "$@"; do
		[ "$a" = --draft ] || args+=("$a")
	done
	case "${args[-1]}" in *.yaml) ;; *) continue ;; esac
	./vcsc decide "${args[@]}" >"$TMP/dec.out" 2>&1
	rc=$?
	want=$(grep -m1 ': error: ' "$dir/expected")
	if [ $rc -eq 1 ] && grep -qF -- "$want" "$TMP/dec.out"; then
		ok "audit decide refuses $n"
	else
		bad "audit decide refuses $n (exit $rc)" "$(cat "$TMP/dec.out")"
	fi
done

# The examples under the sanitizers: load, validate and decide (a
# follow-up loads the audit it follows up as well).
if have_asan "audit examples under ASan+UBSan"; then
	for f in examples/audits/*.yaml; do
		n=$(basename "$f" .yaml)
		if build/asan/vcsc check "$f" >"$TMP/asan.out" 2>&1 &&
			build/asan/vcsc decide --format json "$f" >>"$TMP/asan.out" 2>&1; then
			ok "audit $n under ASan+UBSan"
		else
			bad "audit $n under ASan+UBSan" "$(cat "$TMP/asan.out")"
		fi
	done
fi
