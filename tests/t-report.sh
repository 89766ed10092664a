# The audit report (vcsc report, backend/report.c): for each example audit
# under examples/audits/, the report's text states the outcome and dates
# that `vcsc decide` gives and every finding with its requirement; it
# passes qpdf --check, embeds every font, keeps every glyph 10 pt from the
# page edge (and the body within the margins) and is the same bytes twice.
# A broken audit exits 1 and leaves no file; --draft reports an incomplete
# audit with DRAFT on every page; --paper letter. That no report reaches
# the built site is checked by tests/t-main.sh on the main job's output.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).
# shellcheck shell=bash

R=$TMP/report
mkdir -p "$R"
rstyle=templates/pdf/style.yaml
r_mm() { awk -v v="$1" 'BEGIN { printf "%.2f", v * 72 / 25.4 }'; }
r_margin() { r_mm "$(sed -n "s/^ *$1: *\([0-9.]*\)mm.*/\1/p" "$rstyle")"; }
r_top=$(r_margin margin-top)
r_bottom=$(r_margin margin-bottom)
r_left=$(r_margin margin-left)
r_right=$(r_margin margin-right)

# report_kind LANG KIND: the report's word for a label kind (decide's
# JSON names it), from templates/pdf/report.yaml
report_kind() {
	awk -v key="kind-$2:" -v lang="  $1:" '
		$0 == key { on = 1; next }
		on && index($0, lang) == 1 { sub(/^  [a-z]+: */, ""); print; exit }
		/^[^ ]/ { on = 0 }' templates/pdf/report.yaml
}

# report_findings AUDIT [CLASSES]: "ID REQUIREMENT" per finding of the
# audit file (of a class matching the regular expression CLASSES)
report_findings() {
	awk -v want="${2:-.}" '/^findings:/ { on = 1; next } /^[^ #]/ { on = 0 }
		on && /^  - id: / { id = $3 }
		on && /^    requirement: / { req = $2 }
		on && /^    class: / && $2 ~ want { print id, req }' "$1"
}

# report_all_findings AUDIT: its findings and, for a follow-up, the
# nonconformities of the audit it follows up (from the same folder)
report_all_findings() {
	local up g
	report_findings "$1"
	up=$(sed -n 's/^follows_up: *\([^ #]*\).*/\1/p' "$1")
	[ -n "$up" ] || return 0
	g=$(grep -l "^audit: *$up *\$" "$(dirname "$1")"/*.yaml | head -n 1)
	[ -n "$g" ] && report_findings "$g" '^(major|minor)$'
}

if ! command -v jq >/dev/null 2>&1 || ! command -v qpdf >/dev/null 2>&1; then
	skip "report" "jq or qpdf missing"
else
	for f in examples/audits/*.yaml; do
		n=$(basename "$f" .yaml)
		p=$R/$n.pdf
		if ! ./vcsc report "$f" -o "$p" 2>"$R/err" || [ -s "$R/err" ]; then
			bad "report $n written, silently" "$(cat "$R/err")"
			continue
		fi
		ok "report $n written, silently"
		lang=$(sed -n 's/^language: *\([a-z]*\).*/\1/p' "$f")
		pdftotext -layout "$p" "$R/$n.txt"
		# the outcome table: a row per objective with the outcome and
		# its dates as vcsc decide gives them
		./vcsc decide --format json "$f" >"$R/$n.json"
		problems=
		while IFS=$'\t' read -r obj label issued expires; do
			word=$(report_kind "$lang" "$label")
			[ "$issued" = null ] && issued=–
			[ "$expires" = null ] && expires=–
			grep -F -- "$word" "$R/$n.txt" | grep -F -- " $issued " |
				grep -qF -- " $expires " ||
				problems="$problems $obj: '$word' $issued $expires not in one row;"
		done < <(jq -r '.outcomes[] | [.objective, .label, (.issued // "null"), (.expires // "null")] | @tsv' "$R/$n.json")
		nout=$(jq '.outcomes | length' "$R/$n.json")
		if [ "$nout" -gt 0 ] && [ -z "$problems" ]; then
			ok "report $n states the outcome and dates of vcsc decide ($nout objectives)"
		else
			bad "report $n states the outcome and dates of vcsc decide" "$problems"
		fi
		# every finding, under a heading with its requirement
		problems=
		nf=0
		while read -r id req; do
			nf=$((nf + 1))
			grep -qF "$id · $req " "$R/$n.txt" || problems="$problems $id ($req);"
		done < <(report_all_findings "$f")
		if [ -z "$problems" ]; then
			ok "report $n lists every finding with its requirement ($nf)"
		else
			bad "report $n lists every finding with its requirement" "missing:$problems"
		fi
		# bookmarks: the parts (eight at least) and every finding
		qpdf --json --json-key=outlines "$p" 2>/dev/null |
			jq -r '.. | objects | select(has("title")) | .title' >"$R/$n.outline"
		problems=
		while read -r id req; do
			grep -qF "$id · $req " "$R/$n.outline" || problems="$problems $id;"
		done < <(report_all_findings "$f")
		if [ "$(wc -l <"$R/$n.outline")" -ge 8 ] && [ -z "$problems" ]; then
			ok "report $n bookmarks: the parts and every finding ($(wc -l <"$R/$n.outline"))"
		else
			bad "report $n bookmarks: the parts and every finding" "missing:$problems; $(head -20 "$R/$n.outline")"
		fi
		if out=$(qpdf --check "$p" 2>&1); then ok "report $n qpdf --check"; else bad "report $n qpdf --check" "$out"; fi
		out=$(pdffonts "$p" 2>&1)
		if [ "$(tail -n +3 <<<"$out" | wc -l)" -ge 1 ] &&
			tail -n +3 <<<"$out" | awk '$(NF-4) != "yes" { b = 1 } END { exit b }'; then
			ok "report $n fonts embedded"
		else
			bad "report $n fonts embedded" "$out"
		fi
		if out=$(pdftotext -bbox "$p" - | awk -v top="$r_top" -v bottom="$r_bottom" -v edge=10 \
			-v left="$r_left" -v right="$r_right" -f tests/pdf-bbox.awk 2>&1); then
			ok "report $n geometry: glyphs 10 pt from the edge, margins, header, footer ($(tail -1 <<<"$out"))"
		else
			bad "report $n geometry: glyphs 10 pt from the edge, margins, header, footer" "$out"
		fi
		./vcsc report "$f" -o "$R/$n-again.pdf" 2>/dev/null
		if cmp -s "$p" "$R/$n-again.pdf"; then
			ok "report $n: two runs, identical bytes"
		else
			bad "report $n: two runs, identical bytes" "$(cmp "$p" "$R/$n-again.pdf" 2>&1)"
		fi
		# the audit's language: a German audit is reported in German
		case $lang in
		de) want=Auditbericht ;;
		*) want="Audit report" ;;
		esac
		if head -20 "$R/$n.txt" | grep -qF "$want"; then
			ok "report $n in the audit's language ($lang)"
		else
			bad "report $n in the audit's language ($lang)" "$(head -20 "$R/$n.txt")"
		fi
	done

	# a broken audit: exit 1 with its diagnostics, no file (not even
	# with --draft, which excuses missing verdicts only)
	for args in "tests/check/report-broken/audit.yaml" "tests/check/report-broken/audit.yaml --draft" \
		"tests/check/report-incomplete/audit.yaml"; do
		rm -f "$R/broken.pdf"
		# shellcheck disable=SC2086
		./vcsc report $args -o "$R/broken.pdf" >"$R/out" 2>"$R/err"
		rc=$?
		if [ $rc -eq 1 ] && [ ! -e "$R/broken.pdf" ] && grep -q ': error: ' "$R/err" &&
			[ -z "$(find "$R" \( -name '*.tmp.*' -o -name '.*.tmp-*' \) -print)" ]; then
			ok "report refuses $args (exit 1, diagnostics, no file)"
		else
			bad "report refuses $args (exit 1, diagnostics, no file)" "exit $rc; $(find "$R" -name "*tmp*"); $(cat "$R/err")"
		fi
	done
	# an existing file is left as it was
	echo keep >"$R/kept.pdf"
	./vcsc report tests/check/report-broken/audit.yaml -o "$R/kept.pdf" 2>/dev/null
	if [ "$(cat "$R/kept.pdf")" = keep ]; then
		ok "report of a broken audit leaves an existing file alone"
	else
		bad "report of a broken audit leaves an existing file alone" "overwritten"
	fi

	# --draft: an incomplete audit reports, DRAFT on every page
	d=$R/draft.pdf
	if ./vcsc report tests/check/report-incomplete/audit.yaml --draft -o "$d" 2>"$R/err"; then
		pages=$(pdfinfo "$d" | sed -n 's/^Pages: *//p')
		missing=
		for ((i = 1; i <= pages; i++)); do
			pdftotext -f $i -l $i "$d" - | grep -q 'DRAFT' || missing="$missing $i"
		done
		if [ "$pages" -gt 1 ] && [ -z "$missing" ]; then
			ok "report --draft of an incomplete audit: DRAFT on every page ($pages)"
		else
			bad "report --draft of an incomplete audit: DRAFT on every page" "pages without:$missing"
		fi
		if pdftotext "$d" - | grep -qF 'no verdict yet'; then
			ok "report --draft lists the requirement without a verdict"
		else
			bad "report --draft lists the requirement without a verdict" ""
		fi
		if out=$(qpdf --check "$d" 2>&1); then ok "report --draft qpdf --check"; else bad "report --draft qpdf --check" "$out"; fi
	else
		bad "report --draft of an incomplete audit" "$(cat "$R/err")"
	fi
	# a final report has no DRAFT mark
	if ! grep -q DRAFT "$R/clean.txt" 2>/dev/null && [ -s "$R/clean.txt" ]; then
		ok "report without --draft carries no DRAFT mark"
	else
		bad "report without --draft carries no DRAFT mark" "$(grep DRAFT "$R/clean.txt" | head -3)"
	fi

	# US Letter
	./vcsc report examples/audits/clean.yaml --paper letter -o "$R/letter.pdf" 2>"$R/err"
	if pdfinfo "$R/letter.pdf" 2>/dev/null | grep -q '^Page size: *612 x 792' &&
		out=$(pdftotext -bbox "$R/letter.pdf" - | awk -v top="$r_top" -v bottom="$r_bottom" -v edge=10 \
			-v left="$r_left" -v right="$r_right" -f tests/pdf-bbox.awk 2>&1); then
		ok "report --paper letter"
	else
		bad "report --paper letter" "$(cat "$R/err") ${out:-}"
	fi
	# usage errors
	./vcsc report examples/audits/clean.yaml >/dev/null 2>&1
	rc1=$?
	./vcsc report examples/audits/clean.yaml --paper a5 -o "$R/x.pdf" >/dev/null 2>&1
	rc2=$?
	if [ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && [ ! -e "$R/x.pdf" ]; then
		ok "report usage errors (no -o, unknown paper): exit 2"
	else
		bad "report usage errors (no -o, unknown paper): exit 2" "exit $rc1, $rc2"
	fi
fi
