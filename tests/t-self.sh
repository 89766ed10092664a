# Self-assessments as data (issue 16): the blank YAML, CSV and XLSX of
# 'vcsc questionnaire --format', filled by tests/self-fill.pl with the same
# answers, checked and imported back to the identical YAML, for the VCSA
# (an answer per requirement) and the ISA example (a maturity level per
# question); the summary sheet's formulas; a workbook re-saved by
# LibreOffice; a bad cell; migration from 1.0 to 1.1.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).

# xlsx_unpack FILE.xlsx DIR: the package's parts in a fresh DIR.
xlsx_unpack() {
	local f
	f=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	rm -rf "$2" && mkdir -p "$2" && (cd "$2" && unzip -q "$f")
}

# xlsx_pack DIR FILE.xlsx: the parts in DIR as a package again.
xlsx_pack() {
	local f
	f=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
	rm -f "$f" && (cd "$1" && zip -q -X -r "$f" '[Content_Types].xml' _rels docProps xl)
}

# self_answers BLANK.yaml IDS...: a fill list for every item of BLANK:
# the answers in turn, every fifth item left open, a justification with a
# comma, quotes, an ampersand and non-ASCII letters, evidence on every
# third; the participant and the scope.
self_answers() {
	local blank=$1
	shift
	grep '^  "' "$blank" | sed 's/^  "\(.*\)":$/\1/' |
		awk -v ids="$*" 'BEGIN { n = split(ids, id, " ") }
		{
			if (NR % 5 == 0) next
			a = id[(NR - 1) % n + 1]
			j = "Reason " NR ", with \"quotes\" & Übergröße"
			e = (NR % 3 == 0) ? "Evidence <" NR ">; see the wiki" : ""
			printf "%s\t%s\t%s\t%s\n", $0, a, j, e
		}
		END { printf "participant\tExample Parts GmbH & Co. KG\nscope\tPlant Nord, \"ECU\" line 3\n" }'
}

# self_roundtrip NAME CATALOGUE VERSION OBJECTIVES IDS...
self_roundtrip() {
	local name=$1 cat=$2 ver=$3 obj=$4 d=$TMP/self-$1 out
	shift 4
	mkdir -p "$d"
	for f in yaml csv xlsx; do
		if ! out=$(./vcsc questionnaire --catalogue "$cat" "$ver" --objective "$obj" \
			--format $f -o "$d/blank.$f" 2>&1); then
			bad "self $name: questionnaire --format $f" "$out"
			return
		fi
	done
	self_answers "$d/blank.yaml" "$@" >"$d/answers.tsv"
	perl tests/self-fill.pl yaml "$d/answers.tsv" "$d/blank.yaml" >"$d/filled.yaml"
	if out=$(./vcsc check --catalogue "$cat" "$d/filled.yaml" 2>&1) &&
		! grep -q 'error\|warning' <<<"$out"; then
		ok "self $name: filled YAML checks clean"
	else
		bad "self $name: filled YAML checks clean" "$out"
	fi
	# the blank one checks too, its open items counted in a note
	out=$(./vcsc check --catalogue "$cat" "$d/blank.yaml" 2>&1)
	if [ $? -eq 0 ] && grep -q 'note: [0-9]* of [0-9]* .* unanswered' <<<"$out"; then
		ok "self $name: blank YAML checks, its open items in a note"
	else
		bad "self $name: blank YAML checks, its open items in a note" "$out"
	fi
	# CSV: filled, imported
	perl tests/self-fill.pl csv "$d/answers.tsv" "$d/blank.csv" >"$d/filled.csv"
	if out=$(./vcsc import --catalogue "$cat" "$d/filled.csv" -o "$d/from-csv.yaml" 2>&1) &&
		cmp -s "$d/filled.yaml" "$d/from-csv.yaml"; then
		ok "self $name: CSV import gives the same YAML"
	else
		bad "self $name: CSV import gives the same YAML" "$out$(diff "$d/filled.yaml" "$d/from-csv.yaml" 2>&1 | head -20)"
	fi
	# XLSX: the questions sheet filled, repackaged, imported
	xlsx_unpack "$d/blank.xlsx" "$d/x"
	perl tests/self-fill.pl sheet "$d/answers.tsv" "$d/x/xl/worksheets/sheet2.xml" >"$d/sheet2.xml" &&
		mv "$d/sheet2.xml" "$d/x/xl/worksheets/sheet2.xml"
	perl tests/self-fill.pl cover "$d/answers.tsv" "$d/x/xl/worksheets/sheet1.xml" >"$d/sheet1.xml" &&
		mv "$d/sheet1.xml" "$d/x/xl/worksheets/sheet1.xml"
	xlsx_pack "$d/x" "$d/filled.xlsx"
	if out=$(./vcsc import --catalogue "$cat" "$d/filled.xlsx" -o "$d/from-xlsx.yaml" 2>&1) &&
		cmp -s "$d/filled.yaml" "$d/from-xlsx.yaml"; then
		ok "self $name: XLSX import gives the same YAML"
	else
		bad "self $name: XLSX import gives the same YAML" "$out$(diff "$d/filled.yaml" "$d/from-xlsx.yaml" 2>&1 | head -20)"
	fi
	# same input, same bytes
	./vcsc questionnaire --catalogue "$cat" "$ver" --objective "$obj" --format xlsx -o "$d/again.xlsx" 2>/dev/null
	if cmp -s "$d/blank.xlsx" "$d/again.xlsx"; then
		ok "self $name: XLSX export is byte-identical across runs"
	else
		bad "self $name: XLSX export is byte-identical across runs"
	fi
}

self_roundtrip vcsa catalogue vcsa/1.1 production,operations \
	implemented partial planned not-implemented not-applicable
self_roundtrip isa examples/isa isa/1.1 normal,high \
	established incomplete performed managed predictable optimising not-applicable

# The summary sheet's formulas, by their text.
self_formulas() {
	local d=$TMP/self-vcsa sheet
	sheet=$(unzip -p "$d/blank.xlsx" xl/worksheets/sheet3.xml 2>/dev/null)
	if grep -q '<f>COUNTIFS(Questions!\$H\$2:\$H\$[0-9]*,\$A2,Questions!\$D\$2:\$D\$[0-9]*,\$D\$1)</f>' <<<"$sheet" &&
		grep -q '<f>COUNTIF(Questions!\$H\$2:\$H\$[0-9]*,\$A2)</f>' <<<"$sheet" &&
		grep -q '<f>C2-SUM(D2:H2)</f>' <<<"$sheet"; then
		ok "self: summary sheet formulas count the answers per chapter"
	else
		bad "self: summary sheet formulas count the answers per chapter" "$(grep -o '<f>[^<]*</f>' <<<"$sheet" | head -8)"
	fi
	# their values, as LibreOffice calculates them on the filled workbook
	if ! command -v soffice >/dev/null 2>&1; then
		skip "self: summary formula values" "soffice (LibreOffice) is not installed"
		return
	fi
	local lo=$TMP/self-lo got
	rm -rf "$lo" && mkdir -p "$lo"
	# the filled sheet's cached results are the blank's: drop them so
	# that LibreOffice calculates
	xlsx_unpack "$d/filled.xlsx" "$lo/x"
	perl -pi -e 's{(</f>)<v>[^<]*</v>}{$1}g' "$lo/x/xl/worksheets/sheet3.xml"
	xlsx_pack "$lo/x" "$lo/filled.xlsx"
	(cd "$lo" && HOME=$lo timeout 120 soffice --headless --norestore \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3' \
		filled.xlsx >/dev/null 2>&1)
	got=$(ls "$lo"/*.csv 2>/dev/null | head -1)
	if [ -z "$got" ]; then
		bad "self: summary formula values (soffice wrote no CSV)"
		return
	fi
	# expected: the totals row, counted from the fill list
	local items open total
	items=$(grep -c '^  "' "$d/blank.yaml")
	open=$((items - $(grep -cv '^participant\|^scope' "$d/answers.tsv")))
	total=$(tail -1 "$got" | tr -d '\r')
	local exp=",Total,$items"
	for id in implemented partial planned not-implemented not-applicable; do
		exp="$exp,$(awk -F'\t' -v id=$id '$2 == id { n++ } END { print n + 0 }' "$d/answers.tsv")"
	done
	exp="$exp,$open"
	if [ "$total" = "$exp" ]; then
		ok "self: summary formula values (LibreOffice)"
	else
		bad "self: summary formula values (LibreOffice)" "want $exp
got  $total"
	fi
}
self_formulas

# A workbook re-saved by LibreOffice (tests/fixtures/self/libreoffice.xlsx,
# the filled VCSA workbook opened and saved again) imports.
self_fixture() {
	local f=tests/fixtures/self/libreoffice.xlsx out
	if out=$(./vcsc import --catalogue catalogue "$f" -o "$TMP/self-lo.yaml" 2>&1) &&
		./vcsc check --catalogue catalogue "$TMP/self-lo.yaml" >/dev/null 2>&1 &&
		cmp -s "$TMP/self-lo.yaml" tests/fixtures/self/libreoffice.yaml; then
		ok "self: a workbook re-saved by LibreOffice imports"
	else
		bad "self: a workbook re-saved by LibreOffice imports" "$out$(diff tests/fixtures/self/libreoffice.yaml "$TMP/self-lo.yaml" 2>&1 | head)"
	fi
}
self_fixture

# An answer outside the scale in an XLSX: its sheet, row and column, and
# no output.
self_bad_cell() {
	local d=$TMP/self-vcsa out
	xlsx_unpack "$d/filled.xlsx" "$d/bx"
	perl -0pi -e 's{(<c r="D)(\d+)("[^>]*t="inlineStr"><is><t[^>]*>)implemented(</t>)}{$1$2$3implemnted$4}' \
		"$d/bx/xl/worksheets/sheet2.xml"
	local row
	row=$(grep -o '<c r="D[0-9]*"[^>]*t="inlineStr"><is><t[^>]*>implemnted' "$d/bx/xl/worksheets/sheet2.xml" | head -1 | sed 's/<c r="D\([0-9]*\)".*/\1/')
	rm -f "$d/bad.yaml"
	xlsx_pack "$d/bx" "$d/bad.xlsx"
	out=$(./vcsc import "$d/bad.xlsx" -o "$d/bad.yaml" 2>&1)
	local rc=$?
	if [ $rc -eq 1 ] && [ ! -e "$d/bad.yaml" ] &&
		grep -q "bad.xlsx:Questions!D$row: error: answer 'implemnted' is not on the scheme's scale; did you mean 'implemented'?" <<<"$out"; then
		ok "self: a bad answer cell names its sheet, row and column; no output"
	else
		bad "self: a bad answer cell names its sheet, row and column; no output" "exit $rc, row $row: $out"
	fi
}
self_bad_cell

# Cells as other programs write them: rich text (runs, with a phonetic
# hint that is not part of the text) in the shared strings of the
# LibreOffice fixture, and a maturity level typed as a number in the ISA
# workbook; both import to the same YAML.
self_cell_kinds() {
	local d=$TMP/self-kinds out
	rm -rf "$d" && mkdir -p "$d/r" "$d/n"
	xlsx_unpack tests/fixtures/self/libreoffice.xlsx "$d/r"
	perl -pi -e 's{<si><t xml:space="preserve">(Reason 1,)( with[^<]*)</t></si>}{<si><r><rPr><b val="true"/></rPr><t xml:space="preserve">$1</t></r><r><t xml:space="preserve">$2</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si>}' \
		"$d/r/xl/sharedStrings.xml"
	if ! grep -q '<rPh' "$d/r/xl/sharedStrings.xml"; then
		bad "self: rich text cells import as their text (fixture has no 'Reason 1,' string)"
	else
		xlsx_pack "$d/r" "$d/rich.xlsx"
		if out=$(./vcsc import "$d/rich.xlsx" -o "$d/rich.yaml" 2>&1) &&
			cmp -s "$d/rich.yaml" tests/fixtures/self/libreoffice.yaml; then
			ok "self: rich text cells import as their text"
		else
			bad "self: rich text cells import as their text" "$out$(diff tests/fixtures/self/libreoffice.yaml "$d/rich.yaml" | head)"
		fi
	fi
	xlsx_unpack "$TMP/self-isa/filled.xlsx" "$d/n"
	perl -0pi -e 's{<c r="(D\d+)"( s="\d+")? t="inlineStr"><is><t[^>]*>established</t></is></c>}{<c r="$1"$2><v>3</v></c>}' \
		"$d/n/xl/worksheets/sheet2.xml"
	xlsx_pack "$d/n" "$d/num.xlsx"
	if grep -q '<v>3</v>' "$d/n/xl/worksheets/sheet2.xml" &&
		out=$(./vcsc import --catalogue examples/isa "$d/num.xlsx" -o "$d/num.yaml" 2>&1) &&
		cmp -s "$d/num.yaml" "$TMP/self-isa/filled.yaml"; then
		ok "self: a maturity level typed as a number imports as its answer"
	else
		bad "self: a maturity level typed as a number imports as its answer" "$out"
	fi
}
self_cell_kinds

# yaml_answers FILE: "KEY ANSWER" for every answered item of a
# self-assessment written by vcsc.
yaml_answers() {
	awk '/^  "/ { k = $1; gsub(/[":]/, "", k) } /^    answer: / { print k, $2 }' "$1"
}

# vcsc migrate from 1.0 to 1.1 (tests/fixtures/self/migrate-*.txt are the
# reports): every answer of an unchanged requirement kept, the reworded
# and re-levelled ones marked, the withdrawn and added ones reported, the
# result checks clean.
self_migrate() {
	local name=$1 cat=$2 d=$TMP/self-mig-$1 out ids
	shift 2
	rm -rf "$d" && mkdir -p "$d"
	./vcsc questionnaire --catalogue "$cat" "$name/1.0" --format yaml -o "$d/blank.yaml" 2>/dev/null
	self_answers "$d/blank.yaml" "$@" >"$d/answers.tsv"
	perl tests/self-fill.pl yaml "$d/answers.tsv" "$d/blank.yaml" >"$d/old.yaml"
	out=$(./vcsc migrate --catalogue "$cat" "$d/old.yaml" --to 1.1 -o "$d/new.yaml" 2>&1)
	if [ $? -eq 0 ] && diff -u "tests/fixtures/self/migrate-$name.txt" - <<<"$out" >"$d/diff"; then
		ok "self migrate $name: report as expected"
	else
		bad "self migrate $name: report as expected" "$out$(cat "$d/diff")"
	fi
	if out=$(./vcsc check --catalogue "$cat" "$d/new.yaml" 2>&1) && ! grep -q 'error\|warning' <<<"$out"; then
		ok "self migrate $name: the migrated file checks clean"
	else
		bad "self migrate $name: the migrated file checks clean" "$out"
	fi
	./vcsc migrate --catalogue "$cat" "$d/old.yaml" --to "$name/1.1" -o "$d/new2.yaml" --format json >"$d/report.json" 2>/dev/null
	yaml_answers "$d/old.yaml" | sort >"$d/old.ans"
	yaml_answers "$d/new.yaml" | sort >"$d/new.ans"
	# kept and renumbered: the same answer under the (new) number, no mark
	local wrong
	wrong=$(jq -r '.events[] | select(.kind == "kept" or .kind == "renumbered") | "\(.old) \(.new)"' "$d/report.json" |
		while read -r o n; do
			a=$(awk -v k="$o" '$1 == k { print $2 }' "$d/old.ans")
			b=$(awk -v k="$n" '$1 == k { print $2 }' "$d/new.ans")
			[ "$a" = "$b" ] || echo "$o -> $n: '$a' became '$b'"
		done)
	# every answered old item is accounted for
	local key
	for key in $(cut -d' ' -f1 "$d/old.ans"); do
		jq -e --arg k "$key" 'any(.events[]; .old == $k)' "$d/report.json" >/dev/null ||
			wrong="$wrong
$key: answered, but not in the report"
	done
	if [ -z "$wrong" ] && cmp -s "$d/new.yaml" "$d/new2.yaml"; then
		ok "self migrate $name: every answer carried or reported"
	else
		bad "self migrate $name: every answer carried or reported" "$wrong"
	fi
	# the review marks are exactly those of the report
	local marks reviews
	marks=$(awk '/^  "/ { k = $1; gsub(/[":]/, "", k) } /^    review: / { print k }' "$d/new.yaml" | sort)
	reviews=$(jq -r '.events[] | select(.kind == "review") | .new' "$d/report.json" | sort -u)
	if [ -n "$marks" ] && [ "$marks" = "$reviews" ]; then
		ok "self migrate $name: review marks where the report says"
	else
		bad "self migrate $name: review marks where the report says" "marks: $marks
report: $reviews"
	fi
}
self_migrate vcsa catalogue implemented partial planned not-implemented not-applicable
self_migrate isa examples/isa established incomplete performed managed

# The same commands under AddressSanitizer + UBSan: no leak, no undefined
# behaviour, on good and bad input.
self_asan() {
	have_asan "self: sanitizer run" || return
	local a=build/asan/vcsc d=$TMP/self-asan out rc fails=
	rm -rf "$d" && mkdir -p "$d"
	run() {
		out=$("$@" 2>&1)
		rc=$?
		[ $rc -le 2 ] || fails="$fails
$* -> exit $rc
$out"
	}
	run $a questionnaire vcsa/1.1 --objective production --format xlsx -o "$d/b.xlsx"
	run $a questionnaire vcsa/1.1 --objective production --format csv -o "$d/b.csv"
	run $a questionnaire --catalogue examples/isa isa/1.1 --format yaml -o "$d/b.yaml"
	run $a import tests/fixtures/self/libreoffice.xlsx -o "$d/lo.yaml"
	run $a import "$TMP/self-vcsa/filled.csv" -o "$d/c.yaml"
	run $a import "$TMP/self-vcsa/bad.xlsx" -o "$d/bad.yaml"
	run $a import "$TMP/self-kinds/rich.xlsx" -o "$d/rich.yaml"
	run $a import tests/fixtures/self/README.md -o "$d/x.yaml"
	printf 'not a zip' >"$d/fake.xlsx"
	run $a import "$d/fake.xlsx" -o "$d/x.yaml"
	run $a import "$TMP/self-dtd/dtd.xlsx" -o "$d/x.yaml"
	printf '\xEF\xBB\xBFCatalogue version;vcsa/1.1\nObjectives;production\n\nItem;Answer\n1.1.a;"open quote\n' >"$d/q.csv"
	run $a import "$d/q.csv" -o "$d/x.yaml"
	run $a check "$TMP/self-vcsa/filled.yaml"
	run $a migrate "$TMP/self-mig-vcsa/old.yaml" --to 1.1 -o "$d/m.yaml" --format json
	run $a migrate --catalogue examples/isa "$TMP/self-mig-isa/old.yaml" --to 1.1 -o "$d/mi.yaml"
	if [ -z "$fails" ] && [ ! -e "$d/x.yaml" ] && [ ! -e "$d/bad.yaml" ] &&
		cmp -s "$d/lo.yaml" tests/fixtures/self/libreoffice.yaml; then
		ok "self: sanitizer run of export, import, check and migrate"
	else
		bad "self: sanitizer run of export, import, check and migrate" "$fails"
	fi
}

# The examples check clean (open items are a note, not a warning).
self_examples() {
	local f cat out
	for f in examples/self-assessments/*.yaml; do
		cat=catalogue
		case $f in */isa-*) cat=examples/isa ;; esac
		if out=$(./vcsc check --catalogue "$cat" "$f" 2>&1) && ! grep -q 'error\|warning' <<<"$out"; then
			ok "self: example $f checks clean"
		else
			bad "self: example $f checks clean" "$out"
		fi
	done
}
self_examples

# A workbook whose part declares a document type (entities that could
# expand without end) is refused, and nothing is written.
self_doctype() {
	local d=$TMP/self-dtd out rc
	rm -rf "$d" && mkdir -p "$d/x"
	xlsx_unpack tests/fixtures/self/libreoffice.xlsx "$d/x"
	perl -0pi -e 's{^(<\?xml[^>]*\?>)}{$1\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>}' \
		"$d/x/xl/sharedStrings.xml"
	xlsx_pack "$d/x" "$d/dtd.xlsx"
	out=$(./vcsc import "$d/dtd.xlsx" -o "$d/out.yaml" 2>&1)
	rc=$?
	if [ $rc -eq 1 ] && [ ! -e "$d/out.yaml" ] &&
		grep -q 'dtd.xlsx: error: not a workbook vcsc can read: part xl/sharedStrings.xml declares a document type' <<<"$out"; then
		ok "self: a workbook part with a document type is refused"
	else
		bad "self: a workbook part with a document type is refused" "exit $rc: $out"
	fi
}
self_doctype
self_asan
