# The PDF engine and `vcsc questionnaire`: content against the model, page
# geometry, PDF validity, embedded fonts, reproducibility, bad input.
# Sourced by tests/run.sh (uses ok, bad, have_asan, $TMP).

P=$TMP/pdf
mkdir -p "$P"
style=templates/pdf/style.yaml
# margins of the style file, in points
mm_pt() { awk -v v="$1" 'BEGIN { printf "%.2f", v * 72 / 25.4 }'; }
m_top=$(mm_pt "$(sed -n 's/^ *margin-top: *\([0-9.]*\)mm.*/\1/p' "$style")")
m_bottom=$(mm_pt "$(sed -n 's/^ *margin-bottom: *\([0-9.]*\)mm.*/\1/p' "$style")")
m_left=$(mm_pt "$(sed -n 's/^ *margin-left: *\([0-9.]*\)mm.*/\1/p' "$style")")
m_right=$(mm_pt "$(sed -n 's/^ *margin-right: *\([0-9.]*\)mm.*/\1/p' "$style")")

# pdftotext of the body area only (no header and footer), in drawing order.
body_text() {
	local h
	h=$(pdfinfo "$1" | sed -n 's/^Page size: *[0-9.]* x \([0-9.]*\) pts.*/\1/p')
	h=${h%.*}
	pdftotext -raw -y 45 -W 700 -H $((h - 90)) "$1" "$2"
}

pdf_ok() { # name file: qpdf --check, every font embedded, geometry
	local name=$1 f=$2 out
	if out=$(qpdf --check "$f" 2>&1); then ok "pdf $name qpdf --check"; else bad "pdf $name qpdf --check" "$out"; fi
	out=$(pdffonts "$f" 2>&1)
	if [ "$(tail -n +3 <<<"$out" | wc -l)" -ge 1 ] &&
		tail -n +3 <<<"$out" | awk '$(NF-4) != "yes" { b = 1 } END { exit b }'; then
		ok "pdf $name fonts embedded"
	else
		bad "pdf $name fonts embedded" "$out"
	fi
	if out=$(pdftotext -bbox "$f" - | awk -v top="$m_top" -v bottom="$m_bottom" -v edge=10 \
		-v left="$m_left" -v right="$m_right" -f tests/pdf-bbox.awk 2>&1); then
		ok "pdf $name geometry (edges, margins, header, footer)"
	else
		bad "pdf $name geometry (edges, margins, header, footer)" "$out"
	fi
}

./vcsc export catalogue/vcsa/1.1 -o "$P/model.json"

# Every objective set and language: the requirements that apply, in order,
# and none that does not.
# questionnaires NAME VERSION MODEL SPEC...: for each OBJECTIVES:LANG, the
# questionnaire $P/NAME-OBJECTIVES-LANG.pdf holds every requirement text
# that applies (at a level that applies), in order, and none other.
questionnaires() {
	local name=$1 version=$2 model=$3 spec obj lang f args out
	shift 3
	for spec in "$@"; do
		obj=${spec%%:*}
		lang=${spec##*:}
		f=$P/$name-${obj/,/+}-$lang.pdf
		args=(--lang "$lang")
		[ "$obj" = all ] || args+=(--objective "$obj")
		if ! ./vcsc questionnaire "$version" "${args[@]}" -o "$f" 2>"$P/err"; then
			bad "pdf $name $spec written" "$(cat "$P/err")"
			continue
		fi
		body_text "$f" "$P/body.txt"
		if out=$(node tests/pdf-requirements.js "$model" "$P/body.txt" "$lang" "$obj" 2>&1); then
			ok "pdf $name $spec: the requirement texts that apply, and only those"
		else
			bad "pdf $name $spec: the requirement texts that apply, and only those" "$out"
		fi
	done
}
questionnaires q vcsa/1.1 "$P/model.json" all:en all:de development:en development:de \
	production:en production:de operations:en operations:de development,operations:de
pdf_ok "all-en" "$P/q-all-en.pdf"
pdf_ok "all-de" "$P/q-all-de.pdf"
pdf_ok "production-en" "$P/q-production-en.pdf"
pdf_ok "development+operations-de" "$P/q-development+operations-de.pdf"

# US Letter
./vcsc questionnaire vcsa/1.1 --lang de --paper letter -o "$P/letter.pdf" 2>"$P/err"
if pdfinfo "$P/letter.pdf" 2>/dev/null | grep -q '^Page size: *612 x 792'; then
	ok "pdf letter paper"
else
	bad "pdf letter paper" "$(cat "$P/err")"
fi
pdf_ok "letter-de" "$P/letter.pdf"

# Metadata, language, outline, links, furniture.
info=$(pdfinfo "$P/q-all-de.pdf" 2>&1)
if grep -q '^Title: *Fragebogen zur Selbstbewertung' <<<"$info" &&
	grep -q '^Subject: *VCSA' <<<"$info" && grep -q '^Producer: *vcsc' <<<"$info" &&
	! grep -q 'CreationDate' <<<"$info"; then
	ok "pdf metadata (title, subject, producer, no date)"
else
	bad "pdf metadata (title, subject, producer, no date)" "$info"
fi
if grep -aq '/Lang (de)' "$P/q-all-de.pdf" && grep -aq '/Type /Outlines' "$P/q-all-de.pdf" &&
	[ "$(grep -ac '/Subtype /Link' "$P/q-all-de.pdf")" -ge 30 ]; then
	ok "pdf language, outline and links"
else
	bad "pdf language, outline and links"
fi
pages=$(pdfinfo "$P/q-all-en.pdf" | sed -n 's/^Pages: *//p')
last=$(pdftotext -f "$pages" -l "$pages" "$P/q-all-en.pdf" -)
if grep -q "Page $pages of $pages" <<<"$last" && grep -q 'vcsa-1.1-questionnaire-all-en' <<<"$last" &&
	grep -q 'Summary sheet' <<<"$last"; then
	ok "pdf footer page X of Y, document id, summary sheet"
else
	bad "pdf footer page X of Y, document id, summary sheet" "$last"
fi

# Same input, same bytes; a date only with SOURCE_DATE_EPOCH.
./vcsc questionnaire vcsa/1.1 -o "$P/again.pdf"
if cmp -s "$P/q-all-en.pdf" "$P/again.pdf"; then
	ok "pdf two runs give identical bytes"
else
	bad "pdf two runs give identical bytes"
fi
SOURCE_DATE_EPOCH=1767225600 ./vcsc questionnaire vcsa/1.1 -o "$P/e1.pdf"
SOURCE_DATE_EPOCH=1767225600 ./vcsc questionnaire vcsa/1.1 -o "$P/e2.pdf"
if cmp -s "$P/e1.pdf" "$P/e2.pdf" && pdfinfo "$P/e1.pdf" | grep -q '^CreationDate:.*2026'; then
	ok "pdf SOURCE_DATE_EPOCH sets the date, reproducibly"
else
	bad "pdf SOURCE_DATE_EPOCH sets the date, reproducibly" "$(pdfinfo "$P/e1.pdf" 2>&1)"
fi

# The mini fixture exercises Markdown (lists, code, links, a table) and a
# withdrawn question: its text is a golden file.
./vcsc questionnaire tests/fixtures/mini/vcsa/1.0 -o "$P/mini.pdf" 2>"$P/err"
pdftotext -raw "$P/mini.pdf" "$P/mini.txt" 2>>"$P/err"
if [ -n "${UPDATE:-}" ]; then
	cp "$P/mini.txt" tests/golden/questionnaire-mini-en.txt
fi
if diff -u tests/golden/questionnaire-mini-en.txt "$P/mini.txt" >"$P/d" 2>&1; then
	ok "pdf golden questionnaire-mini-en"
else
	bad "pdf golden questionnaire-mini-en" "$(cat "$P/err" "$P/d")"
fi
pdf_ok "mini" "$P/mini.pdf"

# A stress catalogue, made here: a requirement longer than a page, a table
# with a row taller than a page, unbreakable URLs, lists nested 60 deep, a
# narrow column beside unbreakable ones. Pages must still keep every glyph
# inside the margins and out of the header and footer.
S=$P/stress/vcsa/1.0
mkdir -p "$S"
cp tests/fixtures/mini/scheme.yaml "$P/stress/"
words() { local i; for i in $(seq 1 "$1"); do printf '%s%d ' "$2" "$i"; done; }
long_url="https://example.org/$(printf 'a%.0s' $(seq 1 300))/end"
printf '%s\n' 'catalogue: vcsa' 'version: "1.0"' 'title: Stress catalogue' \
	'status: draft' 'languages:' '  - id: en' '    status: complete' >"$S/version.yaml"
{
	echo "chapter: 1"
	echo "title: Stress"
	echo "questions:"
	echo "  - number: \"1.1\""
	echo "    uid: stress-one"
	echo "    title: A question with a very long title $(words 30 title)"
	echo "    question: |"
	echo "      $(words 300 question)"
	echo "    objective: |"
	echo "      See <$long_url> and Cybersecurityschwachstellenmanagementprozessbeschreibungsdokumentvorlage."
	echo ""
	echo "      - one"
	echo "        - nested $(words 40 nested)"
	echo ""
	for i in $(seq 0 59); do printf '      %*s- deep%d %s\n' $((2 * i)) '' "$i" "$(words 6 w)"; done
	echo ""
	echo "      | No | Requirement | Evidence |"
	echo "      |---|---|---|"
	echo "      | 1 | $long_url | $long_url |"
	echo "    applies_to: [development, production]"
	echo "    requirements:"
	echo "      - letter: a"
	echo "        uid: stress-one-long"
	echo "        must: |"
	echo "          $(words 1500 must)"
	echo "      - letter: b"
	echo "        uid: stress-one-short"
	echo "        should: Short $long_url"
	echo "        applies_to: [production]"
	echo "    further_information: |"
	echo "      | Key | Value |"
	echo "      |---|---|"
	for i in $(seq 1 40); do echo "      | k$i | $(words 8 v) |"; done
	echo "      | tall | $(words 900 tall) |"
	echo "      | after | $long_url |"
} >"$S/01-stress.yaml"
if ./vcsc questionnaire "$S" --catalogue "$P/stress" -o "$P/stress.pdf" 2>"$P/err"; then
	ok "pdf stress catalogue written"
	# the 60 levels of lists pass the Markdown depth limit: one warning
	# at the first element beyond it (deep11's paragraph)
	if [ "$(grep -c 'warning: Markdown' "$P/err")" -eq 1 ] &&
		grep -q '01-stress.yaml:26:31: warning: Markdown in .objective. nested 121 levels deep; beyond 24 levels' "$P/err"; then
		ok "pdf stress: the nesting beyond the limit is warned about"
	else
		bad "pdf stress: the nesting beyond the limit is warned about" "$(cat "$P/err")"
	fi
	./vcsc export "$S" --catalogue "$P/stress" -o "$P/stress.json" 2>/dev/null
	body_text "$P/stress.pdf" "$P/body.txt"
	if out=$(node tests/pdf-requirements.js "$P/stress.json" "$P/body.txt" en all 2>&1); then
		ok "pdf stress requirements match the model"
	else
		bad "pdf stress requirements match the model" "$out"
	fi
	pdf_ok "stress" "$P/stress.pdf"
	# every level of the nested list on a line of its own; the "No"
	# header whole beside two columns of unbreakable URLs
	pdftotext -bbox "$P/stress.pdf" "$P/stress.bbox"
	n=$(grep -c '>deep[0-9]*</word>' "$P/stress.bbox")
	if [ "$n" -eq 60 ] && grep -q '>No</word>' "$P/stress.bbox"; then
		ok "pdf stress: 60 list levels keep their width, a narrow column keeps its word"
	else
		bad "pdf stress: 60 list levels keep their width, a narrow column keeps its word" \
			"$n of 60 levels found whole; No: $(grep -c '>No</word>' "$P/stress.bbox")"
	fi
else
	bad "pdf stress catalogue written" "$(cat "$P/err")"
fi

# Tables too wide for the page: 50 and 60 columns (whose cells overlapped
# and ran past the right margin) in the questionnaire and, as new
# requirements, in the release notes. Every glyph stays inside the text
# area and no two words overlap; one warning per table and document says
# how it was split (and shrunk).
W=$P/wide
rm -rf "$W"
mkdir -p "$W/vcsa"
cp tests/fixtures/mini/scheme.yaml "$W/"
cp -r tests/fixtures/mini/vcsa/1.0 "$W/vcsa/"
cp -r "$W/vcsa/1.0" "$W/vcsa/1.1"
sed -i 's/^version: "1.0"/version: "1.1"/; s/^released: .*/released: 2025-06-15\npredecessor: "1.0"/' \
	"$W/vcsa/1.1/version.yaml"
awk 'function table(n, lang,   c, r) {
		print "          " lang ": |"
		printf "            |"
		for (c = 0; c < n; c++) printf " Head%d |", c
		printf "\n            |"
		for (c = 0; c < n; c++) printf "---|"
		print ""
		for (r = 0; r < 3; r++) {
			printf "            |"
			for (c = 0; c < n; c++) printf " c%d.%d |", r, c
			print ""
		}
	}
	/^  - number: "1.2"$/ {
		print "      - letter: d\n        uid: mini-policy-wide50\n        must:"
		table(50, "en"); table(50, "de")
		print "      - letter: e\n        uid: mini-policy-wide60\n        should:"
		table(60, "en"); table(60, "de")
	}
	{ print }' tests/fixtures/mini/vcsa/1.0/01-org.yaml >"$W/vcsa/1.1/01-org.yaml"
for doc in questionnaire notes; do
	if [ $doc = questionnaire ]; then
		./vcsc questionnaire --catalogue "$W" "$W/vcsa/1.1" -o "$P/wide-$doc.pdf" 2>"$P/err"
	else
		./vcsc diff --catalogue "$W" "$W/vcsa/1.0" "$W/vcsa/1.1" --format pdf -o "$P/wide-$doc.pdf" 2>"$P/err"
	fi
	if [ $? -eq 0 ] && [ "$(grep -c 'warning:' "$P/err")" -eq 2 ] &&
		grep -q 'warning: a table of 50 columns is too wide for the page ("Head0 | Head1 | .*split into 3 groups of at most 17 columns' "$P/err" &&
		grep -q 'warning: a table of 60 columns is too wide for the page ("Head0 | Head1 | .*split into 3 groups of at most 20 columns, one below the other, set at [0-9.]* pt instead of' "$P/err"; then
		ok "pdf wide tables ($doc): split into column groups, with a warning"
	else
		bad "pdf wide tables ($doc): split into column groups, with a warning" "$(cat "$P/err")"
	fi
	pdf_ok "wide tables ($doc)" "$P/wide-$doc.pdf"
done

# Characters the fonts lack: >= and the check mark come from the DejaVu
# fallback; CJK (no font in the style) and an emoji (outside the BMP) print
# as boxes, each with one warning naming it and its text, and the PDF is
# still written.
G=$P/glyphs
rm -rf "$G"
cp -r tests/fixtures/mini "$G"
sed -i 's/Top management approves the policy\./Top management approves the policy ≥ ✓ 漢字 😀 (漢)./' "$G/vcsa/1.0/01-org.yaml"
if ./vcsc questionnaire "$G/vcsa/1.0" --catalogue "$G" -o "$P/glyphs.pdf" 2>"$P/err"; then
	txt=$(pdftotext "$P/glyphs.pdf" - 2>&1)
	if [ "$(grep -c 'warning: U+6F22 .漢. has no glyph in the fonts of the PDF style; it prints as an empty box (in ".*approves the policy ≥ ✓ 漢字' "$P/err")" -eq 1 ] &&
		[ "$(grep -c 'warning: U+5B57 ' "$P/err")" -eq 1 ] &&
		[ "$(grep -c 'warning: U+1F600 .*Basic Multilingual Plane' "$P/err")" -eq 1 ] &&
		[ "$(grep -c 'warning:' "$P/err")" -eq 3 ] &&
		grep -q 'approves the policy ≥ ✓' <<<"$txt" &&
		pdffonts "$P/glyphs.pdf" | grep -q 'DejaVuSans,Book'; then
		ok "pdf missing glyphs: a fallback list, one warning per character"
	else
		bad "pdf missing glyphs: a fallback list, one warning per character" "$(cat "$P/err"; grep policy <<<"$txt")"
	fi
else
	bad "pdf missing glyphs: a fallback list, one warning per character" "$(cat "$P/err")"
fi

# Bad input: a clear message, the documented status, no file left behind.
fails() { # name want-status want-message args...
	local name=$1 want=$2 msg=$3 rc
	shift 3
	rm -rf "$P/out"
	mkdir -p "$P/out"
	./vcsc questionnaire "$@" >"$P/err" 2>&1
	rc=$?
	if [ $rc -eq "$want" ] && grep -q -- "$msg" "$P/err" && [ -z "$(ls -A "$P/out")" ]; then
		ok "pdf bad input: $name"
	else
		bad "pdf bad input: $name" "exit $rc (want $want); files: $(ls -A "$P/out"); $(cat "$P/err")"
	fi
}
fails "unknown objective" 2 "did you mean 'development'" vcsa/1.1 --objective developement -o "$P/out/q.pdf"
fails "empty objective" 2 "at least one" vcsa/1.1 --objective , -o "$P/out/q.pdf"
fails "unknown language" 2 "unknown language 'fr'" vcsa/1.1 --lang fr -o "$P/out/q.pdf"
fails "partial language" 1 "only partly translated to 'de'" vcsa/1.0 --lang de -o "$P/out/q.pdf"
fails "unknown paper" 2 "unknown paper size" vcsa/1.1 --paper a5 -o "$P/out/q.pdf"
fails "missing -o" 2 "missing -o" vcsa/1.1
fails "unwritable output" 2 "cannot write" vcsa/1.1 -o /nonexistent-dir/q.pdf
fails "output is a directory" 2 "cannot write" vcsa/1.1 -o "$P/out"
fails "catalogue errors" 1 "error:" tests/check/duplicate-key/vcsa/1.0 --catalogue catalogue -o "$P/out/q.pdf"
SOURCE_DATE_EPOCH=yesterday fails "bad SOURCE_DATE_EPOCH" 2 "SOURCE_DATE_EPOCH" vcsa/1.1 -o "$P/out/q.pdf"
sed 's#/noto/NotoSans-Bold.ttf#/noto/NoSuchFont-Bold.ttf#' "$style" >"$P/nofont.yaml"
line=$(grep -n 'NoSuchFont' "$P/nofont.yaml" | cut -d: -f1)
fails "missing font" 1 "nofont.yaml:$line:[0-9]*: error: cannot read font file" vcsa/1.1 --style "$P/nofont.yaml" -o "$P/out/q.pdf"
sed "s#/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf#$PWD/README.md#" "$style" >"$P/badfont.yaml"
fails "not a font" 1 "cannot use font file" vcsa/1.1 --style "$P/badfont.yaml" -o "$P/out/q.pdf"
sed 's/^  size: 10$/  size: ten/; s/colour: accent/colour: acent/' "$style" >"$P/badstyle.yaml"
fails "bad style values" 1 "did you mean 'accent'" vcsa/1.1 --style "$P/badstyle.yaml" -o "$P/out/q.pdf"
sed 's/^  table-min-font-size: .*/  table-min-font-size: 0/' "$style" >"$P/zerostyle.yaml"
fails "table sizes of zero" 1 "table-min-font-size must be above 0" vcsa/1.1 --style "$P/zerostyle.yaml" -o "$P/out/q.pdf"
mkdir -p "$P/tpl/pdf"
cp "$style" "$P/tpl/pdf/style.yaml"
grep -v 'de: Unterschrift' templates/pdf/questionnaire.yaml >"$P/tpl/pdf/questionnaire.yaml"
fails "texts without a translation" 1 "questionnaire.yaml:[0-9]*:[0-9]*: error: no 'de' text for 'signature'" \
	vcsa/1.1 --lang de --templates "$P/tpl" -o "$P/out/q.pdf"
if [ -z "$(find "$P" -name '*.tmp.*')" ]; then ok "pdf no temporary files left"; else bad "pdf no temporary files left"; fi

# The sanitizer build writes the same document without a report.
if have_asan "pdf asan questionnaire"; then
	if build/asan/vcsc questionnaire vcsa/1.1 --lang de -o "$P/asan.pdf" 2>"$P/err" &&
		cmp -s "$P/asan.pdf" "$P/q-all-de.pdf" &&
		build/asan/vcsc questionnaire tests/fixtures/mini/vcsa/1.0 -o "$P/asan-mini.pdf" 2>>"$P/err"; then
		ok "pdf asan questionnaire"
	else
		bad "pdf asan questionnaire" "$(head -40 "$P/err")"
	fi
fi
./vcsc questionnaire --help | grep -q 'Usage: vcsc questionnaire' && ok "cli help 'questionnaire'" || bad "cli help 'questionnaire'"

# No page of the bundled questionnaires holds only a stray line or list
# item (header and footer alone are about 15 words).
for l in en de; do
	f=$TMP/stray-$l.pdf
	./vcsc questionnaire vcsa/1.1 --lang $l -o "$f" 2>/dev/null
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	thin=
	for p in $(seq 1 "${n:-0}"); do
		w=$(pdftotext -f "$p" -l "$p" "$f" - | wc -w)
		[ "$w" -lt 40 ] && thin="$thin $p($w)"
	done
	if [ -n "$n" ] && [ -z "$thin" ]; then
		ok "pdf no near-empty page in the $l questionnaire"
	else
		bad "pdf no near-empty page in the $l questionnaire" "pages:$thin"
	fi
done

# A catalogue laid out as published (tests/fixtures/published): levels as
# data (very-high applies only to that objective), a maturity scale per
# question, labels that skip, a question withdrawn into three successors.
PUB=tests/fixtures/published/vcsp/1.1
./vcsc export "$PUB" -o "$P/pub.json" 2>/dev/null
questionnaires pub "$PUB" "$P/pub.json" all:en normal:en very-high:de high,normal:de
pdf_ok "published questionnaire" "$P/pub-all-en.pdf"
pdftotext "$P/pub-all-en.pdf" "$P/pub.txt"
n_q=$(grep -c '^Maturity reached (target: 3 Established)$' "$P/pub.txt")
n_boxes=$(grep -c 'Partially implemented' "$P/pub.txt")
if [ "$n_q" -eq 9 ] && [ "$n_boxes" -eq 0 ] && grep -q '^1.1.e' "$P/pub.txt" &&
	grep -q 'replaced by questions 3.1, 3.2 and 3.3\.' "$P/pub.txt" &&
	grep -q '^Questions' "$P/pub.txt"; then
	ok "pdf published: one maturity answer per question (9), label 1.1.e, three successors, questions on the summary sheet"
else
	bad "pdf published: one maturity answer per question (9), label 1.1.e, three successors, questions on the summary sheet" \
		"maturity lines $n_q, requirement boxes $n_boxes; $(grep -n 'replaced\|^1.1.e\|^Questions' "$P/pub.txt")"
fi
pdftotext "$P/pub-very-high-de.pdf" "$P/pubde.txt"
if grep -q 'ersetzt durch die Fragen 3.1, 3.2 und 3.3\.' "$P/pubde.txt" &&
	grep -q 'Erreichter Reifegrad (Ziel: 3 Etabliert)' "$P/pubde.txt"; then
	ok "pdf published German: successors and target in German"
else
	bad "pdf published German: successors and target in German" "$(grep -n 'ersetzt\|Reifegrad' "$P/pubde.txt")"
fi

# The example shaped like the VDA ISA: sections in the questionnaire, the
# levels that apply per objective, geometry, fonts, the same bytes twice.
ISA=examples/isa/isa/1.1
./vcsc export "$ISA" -o "$P/isa.json" 2>/dev/null
questionnaires isa "$ISA" "$P/isa.json" all:en group:de very-high:en
pdf_ok "isa questionnaire" "$P/isa-all-en.pdf"
./vcsc questionnaire "$ISA" -o "$P/isa-again.pdf" 2>/dev/null
cmp -s "$P/isa-all-en.pdf" "$P/isa-again.pdf" && ok "pdf isa questionnaire: the same bytes twice" ||
	bad "pdf isa questionnaire: the same bytes twice"
pdftotext "$P/isa-all-en.pdf" "$P/isa.txt"
if grep -q '^1.1 Policies$' "$P/isa.txt" && grep -q '^1.1.3 Security in projects' "$P/isa.txt" &&
	grep -q 'replaced by questions 3.2.3, 3.2.4 and 3.2.5\.' "$P/isa.txt" && grep -q '^Section' "$P/isa.txt" &&
	grep -q '^3.2 Suppliers' "$P/isa.txt"; then
	ok "pdf isa: section headings, N.M.K questions, three successors, a row per section"
else
	bad "pdf isa: section headings, N.M.K questions, three successors, a row per section" "$(head -60 "$P/isa.txt")"
fi
outline=$(qpdf --json "$P/isa-all-en.pdf" 2>/dev/null | jq -r '.outlines[].kids[].title' 2>/dev/null | head -3 | tr '\n' '|')
[ "$outline" = "1.1 Policies|1.2 Organisation|2.1 People|" ] && ok "pdf isa: sections in the bookmarks" ||
	bad "pdf isa: sections in the bookmarks" "$outline"
