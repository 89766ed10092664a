# The catalogue diff, `vcsc new-version` and `vcsc check --fix-ids`.
# Sourced by tests/run.sh (uses ok, bad, have_asan, $TMP).

# check NAME COMMAND...: ok when the command succeeds.
check() {
	local name=$1
	shift
	if "$@" >"$TMP/check.out" 2>&1; then
		ok "$name"
	else
		bad "$name" "$(cat "$TMP/check.out")"
	fi
}

# The edits file as "kind uid detail" lines, sorted.
edits_list() {
	grep -v '^#' "$1" | grep -v '^[[:space:]]*$' | tr -s ' ' | sed 's/ *$//' | sort
}

# The same list for the other direction: what A->B reports added, B->A
# reports removed; withdrawn becomes added; numbers and levels swap.
invert_edits() {
	awk '
	function swap(s,   a) { split(s, a, " -> "); return a[2] " -> " a[1] }
	{
		kind = $1; uid = $2; $1 = ""; $2 = ""; d = substr($0, 3)
		if (kind == "added") kind = "removed"
		else if (kind == "removed") kind = "added"
		else if (kind == "withdrawn") { kind = "added"; split(d, w, " "); d = "question " w[1] }
		if (d ~ / -> /) d = swap(d)
		if (kind == "references") {
			n = split(d, r, " "); p = ""; m = ""
			for (i = 1; i <= n; i++) {
				c = substr(r[i], 1, 1)
				if (c == "+") m = m " -" substr(r[i], 2)
				else p = p " +" substr(r[i], 2)
			}
			d = substr(p m, 2)
		}
		print kind " " uid " " d
	}' | sort
}

# "kind uid detail" lines of a JSON diff; added/removed sorted first
# within a kind so that the reference order does not matter.
json_list() {
	jq -r -f tests/diff/edits.jq "$1" | awk '
	$1 == "references" {
		n = split($0, f, " "); p = ""; m = ""
		for (i = 3; i <= n; i++) if (substr(f[i], 1, 1) == "+") p = p " " f[i]; else m = m " " f[i]
		print f[1] " " f[2] p m; next
	}
	{ print }' | sort
}

# The word diffs of a JSON diff as runs, "uid field: = text | ~ del / ins",
# white space squeezed; with swap, deletions and insertions trade places.
word_runs() {
	jq -r --arg swap "$2" '
	def sq: gsub("\\s+"; " ");
	def runs: reduce .[] as $w ([];
		if $w[0] == "=" then . + [["=", $w[1]]]
		elif (.[-1][0] // "") == "~" then
			(.[-1] |= (if $w[0] == "-" then .[1] += $w[1] else .[2] += $w[1] end))
		else . + [if $w[0] == "-" then ["~", $w[1], ""] else ["~", "", $w[1]] end] end);
	def show: map(if .[0] == "=" then "= " + (.[1] | sq)
		elif $swap == "1" then "~ " + (.[2] | sq) + " / " + (.[1] | sq)
		else "~ " + (.[1] | sq) + " / " + (.[2] | sq) end) | join(" | ");
	(.questions[] | . as $q | (.changes[], (.requirements[] | .changes[]))
	 | select(.words != null and (.words | length) > 0)
	 | "\($q.uid) \(.kind) \(if .kind == "level" then "statement" else .field end): " + (.words | runs | show))' "$1" | sort
}

# same_edits LABEL EDITS AB.json BA.json: the JSON change log reports
# exactly the edits listed, and the one of the other direction their
# inverse (an item whose uid changed named by the other uid).
same_edits() {
	local label=$1 renames
	edits_list "$2" >"$TMP/want"
	json_list "$3" >"$TMP/got"
	if diff -u "$TMP/want" "$TMP/got" >"$TMP/d"; then
		ok "diff $label reports exactly its edits ($(wc -l <"$TMP/want") lines)"
	else
		bad "diff $label reports exactly its edits" "$(cat "$TMP/d")"
	fi
	renames=$(awk '$1 == "uid" { print "s/^\\([a-z-]*\\) " $2 " /\\1 " $3 " /" }' "$TMP/want")
	invert_edits <"$TMP/want" | sed "$renames" | sort >"$TMP/want-ba"
	json_list "$4" >"$TMP/got-ba"
	if diff -u "$TMP/want-ba" "$TMP/got-ba" >"$TMP/d"; then
		ok "diff $label the other way round reports the inverse"
	else
		bad "diff $label the other way round reports the inverse" "$(cat "$TMP/d")"
	fi
}

# golden_doc FORMAT NAME LABEL OLD NEW: the change log from OLD to NEW as
# html or pdf in each language, as text (htmltext.js, pdftotext -raw),
# against tests/golden/diff-NAME-FORMAT-LANG.txt (UPDATE=1 writes them);
# the documents stay in $H or $R as NAME-LANG.html or .pdf.
golden_doc() {
	local fmt=$1 name=$2 label=$3 old=$4 new=$5 lang rc out golden
	for lang in en de; do
		[ "$fmt" = html ] && out=$H/$name-$lang.html || out=$R/$name-$lang.pdf
		./vcsc diff "$old" "$new" --format "$fmt" --lang $lang -o "$out" 2>"$TMP/e"
		rc=$?
		golden=tests/golden/diff-$name-$fmt-$lang.txt
		if [ "$fmt" = html ]; then
			node tests/site/htmltext.js "$out" >"$TMP/page.txt" 2>&1
		else
			pdftotext -raw "$out" "$TMP/page.txt" 2>>"$TMP/e"
		fi
		[ -n "${UPDATE:-}" ] && cp "$TMP/page.txt" "$golden"
		if [ $rc -eq 0 ] && diff -u "$golden" "$TMP/page.txt" >"$TMP/d" 2>&1; then
			ok "diff golden $fmt $label ($lang)"
		else
			bad "diff golden $fmt $label ($lang)" "exit $rc $(cat "$TMP/e" "$TMP/d")"
		fi
	done
}

# ---- the bundled catalogue: the golden list of edits --------------------

./vcsc diff vcsa/1.0 vcsa/1.1 --format json >"$TMP/ab.json" 2>"$TMP/ab.err"
rc=$?
./vcsc diff vcsa/1.1 vcsa/1.0 --format json >"$TMP/ba.json" 2>"$TMP/ba.err"
rc2=$?
if [ $rc -eq 1 ] && [ $rc2 -eq 1 ] && jq -e . "$TMP/ab.json" >/dev/null 2>&1; then
	ok "diff 1.0 -> 1.1 differs (exit 1, valid JSON)"
else
	bad "diff 1.0 -> 1.1 differs (exit 1, valid JSON)" "exit $rc/$rc2 $(cat "$TMP/ab.err")"
fi

same_edits "bundled 1.0 -> 1.1" catalogue/vcsa/edits-1.0-1.1.txt "$TMP/ab.json" "$TMP/ba.json"

# shifted numbers only in the renumbering table, never as a change
n=$(jq '[.questions[] | (.changes[], (.requirements[] | .changes[])) | select(.kind == "shifted")] | length' "$TMP/ab.json")
t=$(jq '[.renumbering[] | select(.place == "shifted")] | length' "$TMP/ab.json")
[ "$n" = 0 ] && [ "$t" = 3 ] && ok "diff shifted questions only in the renumbering table" ||
	bad "diff shifted questions only in the renumbering table" "changes $n, table $t"

word_runs "$TMP/ab.json" 0 >"$TMP/w-ab"
word_runs "$TMP/ba.json" 1 >"$TMP/w-ba"
if [ -s "$TMP/w-ab" ] && diff -u "$TMP/w-ab" "$TMP/w-ba" >"$TMP/d"; then
	ok "diff word diffs of 1.1 -> 1.0 mirror those of 1.0 -> 1.1 ($(wc -l <"$TMP/w-ab") fields)"
else
	bad "diff word diffs of 1.1 -> 1.0 mirror those of 1.0 -> 1.1" "$(cat "$TMP/d")"
fi

# the text change log, reviewed as a golden file
./vcsc diff catalogue/vcsa/1.0 catalogue/vcsa/1.1 >"$TMP/ab.txt" 2>&1
if diff -u tests/golden/diff-vcsa-1.0-1.1.txt "$TMP/ab.txt" >"$TMP/d"; then
	ok "diff golden text vcsa 1.0 -> 1.1"
else
	bad "diff golden text vcsa 1.0 -> 1.1" "$(cat "$TMP/d")"
fi

# ---- a version against itself --------------------------------------------

for v in 1.0 1.1; do
	./vcsc diff vcsa/$v vcsa/$v >"$TMP/self.txt" 2>&1
	rc=$?
	./vcsc diff vcsa/$v vcsa/$v --format json >"$TMP/self.json" 2>&1
	same=$(jq -c '[.same, (.questions | length), (.chapters | length), (.renumbering | length), ([.counts[]] | add)]' "$TMP/self.json")
	if [ $rc -eq 0 ] && [ ! -s "$TMP/self.txt" ] && [ "$same" = '[true,0,0,0,0]' ]; then
		ok "diff vcsa/$v against itself is empty (exit 0)"
	else
		bad "diff vcsa/$v against itself is empty" "exit $rc, $same $(head -5 "$TMP/self.txt")"
	fi
done

# ---- the fixture: pairing by number and similarity, moves, chapters ------

F=tests/fixtures/diff/vcsa
./vcsc diff $F/1.0 $F/2.0 >"$TMP/fx.txt" 2>&1
if diff -u tests/golden/diff-fixture.txt "$TMP/fx.txt" >"$TMP/d"; then
	ok "diff golden text fixture 1.0 -> 2.0"
else
	bad "diff golden text fixture 1.0 -> 2.0" "$(cat "$TMP/d")"
fi
./vcsc diff $F/1.0 $F/2.0 --format json >"$TMP/fx.json" 2>/dev/null
./vcsc diff $F/2.0 $F/1.0 --format json >"$TMP/fx-ba.json" 2>/dev/null
same_edits fixture tests/diff/fixture-edits.txt "$TMP/fx.json" "$TMP/fx-ba.json"
pb=$(jq -r '[.questions[] | "\(.uid):\(.paired_by)"] | join(" ")' "$TMP/fx.json")
case $pb in
*"b-incidents:number"*"c-monitoring:similarity"*) ok "diff fixture pairs by number and by similarity" ;;
*) bad "diff fixture pairs by number and by similarity" "$pb" ;;
esac

# ---- several successors (tests/fixtures/published) ----------------------

# 1.3 is withdrawn into 3.1, 3.2 and 3.3: every format names all three, in
# order, with the language's "and" where the format writes prose.
P=tests/fixtures/published/vcsp
./vcsc diff $P/1.0 $P/1.1 >"$TMP/pub.txt" 2>/dev/null
./vcsc diff $P/1.0 $P/1.1 --format json >"$TMP/pub.json" 2>/dev/null
if grep -q '^  withdrawn: successors 3.1 sup-contracts, 3.2 sup-audits, 3.3 sup-exit$' "$TMP/pub.txt"; then
	ok "diff text names every successor"
else
	bad "diff text names every successor" "$(cat "$TMP/pub.txt")"
fi
got=$(jq -r '.questions[] | select(.uid == "gov-suppliers") |
	[(.successors[] | .number), (.changes[] | select(.kind == "withdrawn") | .successors[] | .uid)] | join(" ")' "$TMP/pub.json")
[ "$got" = "3.1 3.2 3.3 sup-contracts sup-audits sup-exit" ] && ok "diff json names every successor" ||
	bad "diff json names every successor" "$got"
succ_en='Withdrawn: continues in 3.1 Supplier contracts, 3.2 Supplier audits and 3.3 End of a supplier relationship'
succ_de='Zurückgezogen: fortgeführt in 3.1 Lieferantenverträge, 3.2 Lieferantenaudits und 3.3 Ende einer Lieferantenbeziehung'
for lang in en de; do
	[ $lang = en ] && want=$succ_en || want=$succ_de
	./vcsc diff $P/1.0 $P/1.1 --format html --lang $lang -o "$TMP/pub-$lang.html" 2>/dev/null
	./vcsc diff $P/1.0 $P/1.1 --format pdf --lang $lang -o "$TMP/pub-$lang.pdf" 2>/dev/null
	if node tests/site/htmltext.js "$TMP/pub-$lang.html" | grep -qF -- "- $want"; then
		ok "diff html names every successor ($lang)"
	else
		bad "diff html names every successor ($lang)" "$(node tests/site/htmltext.js "$TMP/pub-$lang.html" | grep -i -e withdrawn -e zurück)"
	fi
	if pdftotext -raw "$TMP/pub-$lang.pdf" - | tr '\n' ' ' | grep -qF -- "• $want Change note" ||
		pdftotext -raw "$TMP/pub-$lang.pdf" - | tr '\n' ' ' | grep -qF -- "• $want Änderungshinweis"; then
		ok "diff pdf names every successor ($lang)"
	else
		bad "diff pdf names every successor ($lang)" "$(pdftotext -raw "$TMP/pub-$lang.pdf" - | grep -A1 -e Withdrawn -e Zurück)"
	fi
done

# A placeholder withdrawn in both versions that drops one successor: a
# successor change from the old set to the new; another order alone is
# none.
PS=$TMP/pubsucc
rm -rf "$PS" && mkdir -p "$PS" && cp -r tests/fixtures/published/. "$PS/"
cp -r "$PS/vcsp/1.1" "$PS/vcsp/1.2" && cp -r "$PS/vcsp/1.1" "$PS/vcsp/1.3"
sed -i 's/^version: "1.1"/version: "1.2"/; s/^predecessor: "1.0"/predecessor: "1.1"/' "$PS/vcsp/1.2/version.yaml"
sed -i 's/^version: "1.1"/version: "1.3"/; s/^predecessor: "1.0"/predecessor: "1.1"/' "$PS/vcsp/1.3/version.yaml"
sed -i 's/successor: \[sup-contracts, sup-audits, sup-exit\]/successor: [sup-contracts, sup-exit]/' "$PS/vcsp/1.2/01-governance.yaml"
sed -i 's/successor: \[sup-contracts, sup-audits, sup-exit\]/successor: [sup-exit, sup-audits, sup-contracts]/' "$PS/vcsp/1.3/01-governance.yaml"
./vcsc diff "$PS/vcsp/1.1" "$PS/vcsp/1.2" >"$TMP/succ.txt" 2>/dev/null
rc=$?
./vcsc diff "$PS/vcsp/1.1" "$PS/vcsp/1.2" --format json 2>/dev/null | jq -r -f tests/diff/edits.jq >"$TMP/succ.edits"
./vcsc diff "$PS/vcsp/1.1" "$PS/vcsp/1.2" --format html -o "$TMP/succ.html" 2>/dev/null
./vcsc diff "$PS/vcsp/1.1" "$PS/vcsp/1.3" >/dev/null 2>&1
rc3=$?
if [ $rc -eq 1 ] && [ $rc3 -eq 0 ] &&
	grep -q '^  successor: sup-contracts, sup-audits, sup-exit -> sup-contracts, sup-exit$' "$TMP/succ.txt" &&
	[ "$(cat "$TMP/succ.edits")" = "successor gov-suppliers sup-contracts,sup-audits,sup-exit -> sup-contracts,sup-exit" ] &&
	node tests/site/htmltext.js "$TMP/succ.html" | grep -qF -- '- Successor changed: 3.1 Supplier contracts, 3.2 Supplier audits and 3.3 End of a supplier relationship → 3.1 Supplier contracts and 3.3 End of a supplier relationship'; then
	ok "diff successor change compares the sets"
else
	bad "diff successor change compares the sets" "exit $rc/$rc3 $(cat "$TMP/succ.txt" "$TMP/succ.edits")"
fi

# ---- translations (tests/fixtures/published) -----------------------------

# The fixture's diff reports exactly its listed edits, both ways.
edits_list tests/fixtures/published/edits-1.0-1.1.txt >"$TMP/want"
json_list "$TMP/pub.json" >"$TMP/got"
if diff -u "$TMP/want" "$TMP/got" >"$TMP/d"; then
	ok "diff published fixture reports exactly its edits"
else
	bad "diff published fixture reports exactly its edits" "$(cat "$TMP/d")"
fi
./vcsc diff $P/1.1 $P/1.0 --format json 2>/dev/null | json_list /dev/stdin >"$TMP/got-ba"
invert_edits <"$TMP/want" >"$TMP/want-ba"
if diff -u "$TMP/want-ba" "$TMP/got-ba" >"$TMP/d"; then
	ok "diff published fixture 1.1 -> 1.0 reports the inverse"
else
	bad "diff published fixture 1.1 -> 1.0 reports the inverse" "$(cat "$TMP/d")"
fi
# the text change log, reviewed as a golden file
if diff -u tests/golden/diff-published.txt "$TMP/pub.txt" >"$TMP/d"; then
	ok "diff golden text published fixture"
else
	bad "diff golden text published fixture" "$(cat "$TMP/d")"
fi

# A German-only edit alone: a copy of 1.0 whose one change is 1.1.a's German
# text. Reported (exit 1) in text, JSON, HTML and PDF, in both languages.
PT=$TMP/pubtr
rm -rf "$PT" && mkdir -p "$PT" && cp -r tests/fixtures/published/. "$PT/"
cp -r "$PT/vcsp/1.0" "$PT/vcsp/1.2"
sed -i 's/^version: "1.0"/version: "1.2"/' "$PT/vcsp/1.2/version.yaml"
sed -i 's/schriftlich festgehalten\./schriftlich niedergelegt./' "$PT/vcsp/1.2/01-governance.yaml"
./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.2" >"$TMP/tr.txt" 2>/dev/null
rc=$?
./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.2" --format json 2>/dev/null >"$TMP/tr.json"
rcj=$?
want='translation (must, de):
  Die Regeln sind schriftlich [-festgehalten-]{+niedergelegt+}.'
if [ $rc -eq 1 ] && [ $rcj -eq 1 ] && grep -q '^changes: 1 translation$' "$TMP/tr.txt" &&
	[ "$(sed -n '/^  1.1.a/{n;p;n;p}' "$TMP/tr.txt" | sed 's/^    //')" = "$want" ]; then
	ok "diff text reports a German-only edit (exit 1)"
else
	bad "diff text reports a German-only edit (exit 1)" "exit $rc/$rcj $(cat "$TMP/tr.txt")"
fi
got=$(jq -r '[.counts.translation, (.questions[].requirements[].changes[] |
	"\(.kind) \(.field) \(.language) \(.words_language) " + ([.words[] | select(.[0] != "=") | .[0] + .[1]] | join(" ")))] | join("; ")' "$TMP/tr.json")
[ "$got" = "1; translation must de de -festgehalten +niedergelegt" ] && ok "diff json reports a German-only edit" ||
	bad "diff json reports a German-only edit" "$got"
for lang in en de; do
	./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.2" --format html --lang $lang -o "$TMP/tr-$lang.html" 2>/dev/null
	./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.2" --format pdf --lang $lang -o "$TMP/tr-$lang.pdf" 2>/dev/null
	[ $lang = en ] && label='Translation changed: Must (Deutsch)' || label='Übersetzung geändert: Muss (Deutsch)'
	page=$(node tests/site/htmltext.js "$TMP/tr-$lang.html")
	if grep -qF -- "- $label" <<<"$page" && grep -qF 'Die Regeln sind schriftlich [-festgehalten-]{+niedergelegt+}.' <<<"$page" &&
		! grep -q -e 'Compared in' -e 'Verglichen in' <<<"$page"; then
		ok "diff html reports a German-only edit ($lang)"
	else
		bad "diff html reports a German-only edit ($lang)" "$page"
	fi
	pdf=$(pdftotext -raw "$TMP/tr-$lang.pdf" - 2>/dev/null)
	if grep -qF -- "• $label" <<<"$pdf" && grep -qF 'Die Regeln sind schriftlich festgehalten niedergelegt.' <<<"$pdf"; then
		ok "diff pdf reports a German-only edit ($lang)"
	else
		bad "diff pdf reports a German-only edit ($lang)" "$(grep -A2 -e Transl -e Übersetz <<<"$pdf")"
	fi
done

# German partial in the old version (two of its texts missing): one line
# for the language with its counts, no per-text change; the other way
# round, "no longer complete".
awk '/^  - id: de$/ { de = 1 } de && /status: complete/ { sub(/complete/, "partial") } { print }' \
	tests/fixtures/published/vcsp/1.0/version.yaml >"$PT/vcsp/1.0/version.yaml"
sed -i -e '/de: Die Leitung gibt die Regeln frei\./d' -e '/de: Rollen$/d' "$PT/vcsp/1.0/01-governance.yaml"
./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.1" >"$TMP/lc.txt" 2>/dev/null
rc=$?
./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.1" --format json 2>/dev/null | jq -r -f tests/diff/edits.jq >"$TMP/lc.edits"
./vcsc diff "$PT/vcsp/1.1" "$PT/vcsp/1.0" >"$TMP/lc-ba.txt" 2>/dev/null
if [ $rc -eq 1 ] && grep -q '^  Deutsch (de) completed: 2 texts added, 1 text changed$' "$TMP/lc.txt" &&
	grep -q '^language de partial -> complete$' "$TMP/lc.edits" && ! grep -q '^translation ' "$TMP/lc.edits" &&
	grep -q '^  Deutsch (de) no longer complete: 1 text changed, 2 texts removed$' "$TMP/lc-ba.txt"; then
	ok "diff reports a language completed once, with its counts"
else
	bad "diff reports a language completed once, with its counts" "exit $rc $(cat "$TMP/lc.txt" "$TMP/lc.edits" "$TMP/lc-ba.txt")"
fi
./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.1" --format html --lang de -o "$TMP/lc.html" 2>/dev/null
./vcsc diff "$PT/vcsp/1.0" "$PT/vcsp/1.1" --format pdf -o "$TMP/lc.pdf" 2>/dev/null
if node tests/site/htmltext.js "$TMP/lc.html" | grep -qF -- '- Deutsch vervollständigt: 2 Texte hinzugefügt, 1 Text geändert' &&
	pdftotext -raw "$TMP/lc.pdf" - | grep -qF -- '• Deutsch completed: 2 texts added, 1 text changed'; then
	ok "diff html and pdf report a language completed"
else
	bad "diff html and pdf report a language completed" "$(node tests/site/htmltext.js "$TMP/lc.html" | grep -i deutsch)"
fi

# --lang: the word diffs of text and JSON in that language where both
# versions have their own changed text, else in the compared one, named
./vcsc diff $F/1.0 $F/2.0 --lang de >"$TMP/de.txt" 2>/dev/null
./vcsc diff $F/1.0 $F/2.0 --format json --lang de >"$TMP/de.json" 2>/dev/null
if grep -q '^  text (question, de):$' "$TMP/de.txt" && tr '\n' ' ' <"$TMP/de.txt" | grep -q 'zu *\[-den-\]{+allen+} eingesetzten' &&
	grep -q '^  text (title, en):$' "$TMP/de.txt" && ! grep -q '^  text (question):$' "$TMP/de.txt"; then
	ok "diff text --lang de"
else
	bad "diff text --lang de" "$(cat "$TMP/de.txt")"
fi
got=$(jq -r '[.words_language, (.questions[] | select(.uid == "c-monitoring") | .changes[] | select(.field == "question") |
	.words_language, ([.words[] | select(.[0] == "+") | .[1]] | join(" ")))] | join(" ")' "$TMP/de.json")
[ "$got" = "de de allen" ] && ok "diff json --lang de" || bad "diff json --lang de" "$got"

# ---- output, colour, exit statuses ---------------------------------------

./vcsc diff vcsa/1.0 vcsa/1.1 --format json -o "$TMP/o.json" 2>"$TMP/e"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$TMP/o.json" "$TMP/ab.json"; then
	ok "diff -o writes the change log and exits 0"
else
	bad "diff -o writes the change log and exits 0" "exit $rc $(cat "$TMP/e")"
fi
./vcsc diff vcsa/1.0 vcsa/1.1 -o "$TMP/o.txt" 2>/dev/null
cmp -s "$TMP/o.txt" "$TMP/ab.txt" && ok "diff -o text equals stdout" || bad "diff -o text equals stdout"
./vcsc diff vcsa/1.0 vcsa/1.1 --format json >"$TMP/ab2.json" 2>/dev/null
cmp -s "$TMP/ab.json" "$TMP/ab2.json" && ok "diff output reproducible" || bad "diff output reproducible"

if grep -q $'\033' "$TMP/ab.txt"; then bad "diff plain when not a terminal"; else ok "diff plain when not a terminal"; fi
./vcsc diff vcsa/1.0 vcsa/1.1 --color=always >"$TMP/c.txt" 2>/dev/null
if grep -q $'\033\[31m' "$TMP/c.txt" && grep -q $'\033\[32m' "$TMP/c.txt" &&
	[ "$(sed 's/\x1b\[[0-9;]*m//g' "$TMP/c.txt" | grep -c '\[-')" = 0 ]; then
	ok "diff --color=always colours deletions and insertions"
else
	bad "diff --color=always colours deletions and insertions"
fi
./vcsc diff vcsa/1.0 vcsa/1.1 --color=never >"$TMP/n.txt" 2>/dev/null
cmp -s "$TMP/n.txt" "$TMP/ab.txt" && ok "diff --color=never" || bad "diff --color=never"
if awk 'length > 78 { bad = 1 } END { exit bad }' "$TMP/ab.txt"; then
	ok "diff text lines fit in 78 columns"
else
	bad "diff text lines fit in 78 columns" "$(awk 'length > 78' "$TMP/ab.txt")"
fi

./vcsc diff vcsa/1.0 >/dev/null 2>&1; [ $? -eq 2 ] && ok "diff one argument exits 2" || bad "diff one argument exits 2"
./vcsc diff vcsa/1.0 vcsa/1.1 --format rtf >/dev/null 2>&1; [ $? -eq 2 ] && ok "diff unknown format exits 2" || bad "diff unknown format exits 2"
./vcsc diff vcsa/1.0 vcsa/9.9 >/dev/null 2>"$TMP/e"; rc=$?
if [ $rc -eq 2 ] && grep -q "not a catalogue version" "$TMP/e"; then ok "diff missing version exits 2"; else bad "diff missing version exits 2" "exit $rc $(cat "$TMP/e")"; fi
# an invalid version is trouble (2) without -o, an input error (1) with -o,
# and then nothing is written
./vcsc diff vcsa/1.0 tests/check/duplicate-key/vcsa/1.0 >/dev/null 2>"$TMP/e"; rc=$?
rm -f "$TMP/none.json"
./vcsc diff vcsa/1.0 tests/check/duplicate-key/vcsa/1.0 -o "$TMP/none.json" 2>/dev/null; rc2=$?
if [ $rc -eq 2 ] && [ $rc2 -eq 1 ] && grep -q "duplicate" "$TMP/e" && [ ! -e "$TMP/none.json" ]; then
	ok "diff invalid version: exit 2 (1 with -o), nothing written"
else
	bad "diff invalid version: exit 2 (1 with -o), nothing written" "exit $rc/$rc2 $(cat "$TMP/e")"
fi
./vcsc diff vcsa/1.0 vcsa/1.1 -o /nonexistent-dir/x.txt 2>/dev/null
[ $? -eq 2 ] && ok "diff unwritable output exits 2" || bad "diff unwritable output exits 2"

# ---- the standalone HTML change log --------------------------------------

H=$TMP/diff-html
rm -rf "$H"; mkdir -p "$H"
golden_doc html fixture "fixture 1.0 -> 2.0" $F/1.0 $F/2.0
# German has its own word diff where both versions translate a changed text
grep -q 'zu <del>den</del><ins>allen</ins> eingesetzten' "$H/fixture-de.html" &&
	ok "diff html German word diff of a German text" || bad "diff html German word diff of a German text"
./vcsc diff vcsa/1.0 vcsa/1.1 --format html -o "$H/vcsa.html" 2>"$TMP/e" &&
	./vcsc diff vcsa/1.0 vcsa/1.1 --format html -o "$H/vcsa2.html" 2>>"$TMP/e" &&
	cmp -s "$H/vcsa.html" "$H/vcsa2.html" && ok "diff html reproducible" || bad "diff html reproducible" "$(cat "$TMP/e")"
# standalone: the stylesheet inlined, nothing loaded, only links inside the page
out=$(node tests/site/linkcheck.js "$H" 2>&1)
if [ $? -eq 0 ] && grep -q '(0 external)' <<<"$out" && grep -q '<style>' "$H/vcsa.html" &&
	! grep -q '<link rel="stylesheet"' "$H/vcsa.html" && ! grep -q '<script' "$H/vcsa.html"; then
	ok "diff html stands alone ($out)"
else
	bad "diff html stands alone" "$out"
fi
n_del=$(grep -o '<del>' "$H/vcsa.html" | wc -l)
n_ins=$(grep -o '<ins>' "$H/vcsa.html" | wc -l)
[ "$n_del" -ge 10 ] && [ "$n_ins" -ge 10 ] && ok "diff html marks deletions and insertions ($n_del del, $n_ins ins)" ||
	bad "diff html marks deletions and insertions" "$n_del del, $n_ins ins"
./vcsc diff vcsa/1.0 vcsa/1.1 --format html >/dev/null 2>&1; [ $? -eq 2 ] && ok "diff html without -o exits 2" || bad "diff html without -o exits 2"
./vcsc diff vcsa/1.0 vcsa/1.1 --format html --lang fr -o "$H/fr.html" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && [ ! -e "$H/fr.html" ] && ok "diff html unknown language exits 2" || bad "diff html unknown language exits 2" "exit $rc"
./vcsc diff vcsa/1.0 vcsa/1.1 --lang fr >/dev/null 2>&1; [ $? -eq 2 ] && ok "diff text unknown language exits 2" || bad "diff text unknown language exits 2"
# a template that fails leaves the previous file and no temporary behind
mkdir -p "$H/data/templates" && cp -r templates/site "$H/data/templates/" && cp -r site "$H/data/"
sed -i 's/mode="changelog-body" priority="1">/mode="changelog-body" priority="1"><xsl:message terminate="yes">broken<\/xsl:message>/' "$H/data/templates/site/changes.xsl"
cp "$H/vcsa.html" "$H/keep.html"
VCSC_DATADIR="$H/data" ./vcsc diff vcsa/1.0 vcsa/1.1 --format html -o "$H/keep.html" >/dev/null 2>"$TMP/e"; rc=$?
left=$(ls -A "$H" | grep -c 'tmp')
if [ $rc -eq 2 ] && cmp -s "$H/keep.html" "$H/vcsa.html" && [ "$left" = 0 ] && grep -q broken "$TMP/e"; then
	ok "diff html failed template keeps the old file"
else
	bad "diff html failed template keeps the old file" "exit $rc, $left left; $(cat "$TMP/e")"
fi
VCSC_DATADIR="$H/nowhere" ./vcsc diff vcsa/1.0 vcsa/1.1 --format html -o "$H/x.html" >/dev/null 2>"$TMP/e"; rc=$?
[ $rc -eq 2 ] && [ ! -e "$H/x.html" ] && grep -q 'VCSC_DATADIR' "$TMP/e" && ok "diff html without templates exits 2" || bad "diff html without templates exits 2" "exit $rc $(cat "$TMP/e")"

# ---- the PDF release notes -----------------------------------------------

R=$TMP/diff-pdf
rm -rf "$R"; mkdir -p "$R"
rn_style=templates/pdf/style.yaml
rn_mm() { awk -v v="$1" 'BEGIN { printf "%.2f", v * 72 / 25.4 }'; }
rn_top=$(rn_mm "$(sed -n 's/^ *margin-top: *\([0-9.]*\)mm.*/\1/p' "$rn_style")")
rn_bottom=$(rn_mm "$(sed -n 's/^ *margin-bottom: *\([0-9.]*\)mm.*/\1/p' "$rn_style")")
rn_left=$(rn_mm "$(sed -n 's/^ *margin-left: *\([0-9.]*\)mm.*/\1/p' "$rn_style")")
rn_right=$(rn_mm "$(sed -n 's/^ *margin-right: *\([0-9.]*\)mm.*/\1/p' "$rn_style")")
# pdftotext of the body area only (no running header and footer)
rn_body() {
	local h
	h=$(pdfinfo "$1" | sed -n 's/^Page size: *[0-9.]* x \([0-9.]*\) pts.*/\1/p')
	h=${h%.*}
	pdftotext -raw -y 45 -W 700 -H $((h - 90)) "$1" - | tr -d '\f' >"$2"
}
# qpdf --check, every font embedded, glyphs inside the margins
rn_pdf_ok() {
	local name=$1 f=$2 out
	if out=$(qpdf --check "$f" 2>&1); then ok "diff pdf $name qpdf --check"; else bad "diff pdf $name qpdf --check" "$out"; fi
	out=$(pdffonts "$f" 2>&1)
	if [ "$(tail -n +3 <<<"$out" | wc -l)" -ge 1 ] &&
		tail -n +3 <<<"$out" | awk '$(NF-4) != "yes" { b = 1 } END { exit b }'; then
		ok "diff pdf $name fonts embedded"
	else
		bad "diff pdf $name fonts embedded" "$out"
	fi
	if out=$(pdftotext -bbox "$f" - | awk -v top="$rn_top" -v bottom="$rn_bottom" -v edge=10 \
		-v left="$rn_left" -v right="$rn_right" -f tests/pdf-bbox.awk 2>&1); then
		ok "diff pdf $name geometry (margins, header, footer)"
	else
		bad "diff pdf $name geometry (margins, header, footer)" "$out"
	fi
}

# the fixture: its text is a golden file per language
golden_doc pdf fixture "fixture 1.0 -> 2.0" $F/1.0 $F/2.0
for lang in en de; do
	rn_pdf_ok "fixture-$lang" "$R/fixture-$lang.pdf"
done

# the bundled catalogue: every listed edit at its item, one bullet per change
./vcsc diff vcsa/1.0 vcsa/1.1 --format pdf -o "$R/vcsa-en.pdf" 2>"$TMP/e" &&
	./vcsc diff vcsa/1.0 vcsa/1.1 --format pdf --lang de -o "$R/vcsa-de.pdf" 2>>"$TMP/e"
rc=$?
[ $rc -eq 0 ] && ok "diff pdf bundled release notes written (en, de)" || bad "diff pdf bundled release notes written (en, de)" "exit $rc $(cat "$TMP/e")"
{
	./vcsc export vcsa/1.1 | jq -r '.chapters[].questions[] | "\(.uid) \(.number)"'
	jq -r '.questions[] | "\(.uid) \(.new_number // .old_number)", (.requirements[] | "\(.uid) \(.new_number // .old_number)")' "$TMP/ab.json"
} >"$R/numbers"
rn_body "$R/vcsa-en.pdf" "$R/vcsa-en.txt"
if out=$(awk -f tests/diff/pdf-edits.awk "$R/numbers" catalogue/vcsa/edits-1.0-1.1.txt "$R/vcsa-en.txt" 2>&1); then
	ok "diff pdf shows every listed edit of 1.0 -> 1.1 at its item ($out)"
else
	bad "diff pdf shows every listed edit of 1.0 -> 1.1 at its item" "$out"
fi
want_n=$(edits_list catalogue/vcsa/edits-1.0-1.1.txt | grep -vc '^shifted ')
got_n=$(grep -c '^• ' "$R/vcsa-en.txt")
[ "$want_n" = "$got_n" ] && ok "diff pdf one entry per change ($got_n)" || bad "diff pdf one entry per change" "want $want_n, got $got_n"
rn_body "$R/vcsa-de.pdf" "$R/vcsa-de.txt"
if grep -q '^Änderungen nach Fragen$' "$R/vcsa-de.txt" && grep -q 'Zurückgezogen: fortgeführt in 7.1' "$R/vcsa-de.txt" &&
	grep -q '^Versionshinweise$' "$R/vcsa-de.txt"; then
	ok "diff pdf German release notes"
else
	bad "diff pdf German release notes" "$(head -30 "$R/vcsa-de.txt")"
fi
rn_pdf_ok "vcsa-en" "$R/vcsa-en.pdf"
rn_pdf_ok "vcsa-de" "$R/vcsa-de.pdf"

./vcsc diff vcsa/1.0 vcsa/1.1 --format pdf -o "$R/again.pdf" 2>/dev/null
cmp -s "$R/vcsa-en.pdf" "$R/again.pdf" && ok "diff pdf two runs give identical bytes" || bad "diff pdf two runs give identical bytes"
info=$(pdfinfo "$R/vcsa-en.pdf" 2>&1)
pages=$(sed -n 's/^Pages: *//p' <<<"$info")
last=$(pdftotext -f "$pages" -l "$pages" "$R/vcsa-en.pdf" - 2>/dev/null)
if grep -q '^Title: *Release notes – VCSA 1.0 → 1.1' <<<"$info" && ! grep -q CreationDate <<<"$info" &&
	grep -aq '/Lang (en)' "$R/vcsa-en.pdf" && grep -aq '/Type /Outlines' "$R/vcsa-en.pdf" &&
	[ "$(grep -ac '/Subtype /Link' "$R/vcsa-en.pdf")" -ge 15 ] &&
	grep -q "Page $pages of $pages" <<<"$last" && grep -q 'vcsa-1.0-1.1-release-notes-en' <<<"$last"; then
	ok "diff pdf metadata, outline, links, page X of Y"
else
	bad "diff pdf metadata, outline, links, page X of Y" "$info"
fi
# the table of contents on page 1 lists the sections and chapters with the
# pages they are on
toc=$(pdftotext -f 1 -l 1 -layout "$R/vcsa-en.pdf" - | grep -c 'Chapter [0-9] ·.*[0-9]$')
[ "$toc" = 9 ] && ok "diff pdf table of contents lists the chapters" || bad "diff pdf table of contents lists the chapters" "$toc entries"

# a draft is marked as such on the cover and on every page
DR=$R/draft
mkdir -p "$DR" && cp -r tests/fixtures/diff "$DR/cat" && ./vcsc new-version "$DR/cat/vcsa/2.0" 2.1 >/dev/null 2>&1
sed -i 's/^    title: Monitoring$/    title: Monitoring of sources/' "$DR/cat/vcsa/2.1/"*.yaml
./vcsc diff "$DR/cat/vcsa/2.0" "$DR/cat/vcsa/2.1" --format pdf -o "$R/draft.pdf" 2>"$TMP/e"
rc=$?
pages=$(pdfinfo "$R/draft.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
marked=$(pdftotext "$R/draft.pdf" - 2>/dev/null | grep -c 'Draft – may still change')
if [ $rc -eq 0 ] && [ "${pages:-0}" -ge 2 ] && [ "$marked" = "$pages" ] &&
	pdftotext -f 1 -l 1 "$R/draft.pdf" - | grep -q 'DRAFT Version 2.1 is a draft'; then
	ok "diff pdf draft marking on the cover and every page ($pages pages)"
else
	bad "diff pdf draft marking on the cover and every page" "exit $rc, $pages pages, $marked marked $(cat "$TMP/e")"
fi
# versions that do not differ: a title page that says so
./vcsc diff vcsa/1.1 vcsa/1.1 --format pdf -o "$R/same.pdf" 2>"$TMP/e"
rc=$?
if [ $rc -eq 0 ] && [ "$(pdfinfo "$R/same.pdf" | sed -n 's/^Pages: *//p')" = 1 ] &&
	pdftotext "$R/same.pdf" - | grep -q 'The two versions do not differ.'; then
	ok "diff pdf of a version against itself"
else
	bad "diff pdf of a version against itself" "exit $rc $(cat "$TMP/e")"
fi
./vcsc diff vcsa/1.0 vcsa/1.1 --format pdf --paper letter -o "$R/letter.pdf" 2>/dev/null
pdfinfo "$R/letter.pdf" 2>/dev/null | grep -q '^Page size: *612 x 792' && ok "diff pdf letter paper" || bad "diff pdf letter paper"

# bad input: the documented status, a message, nothing written
rn_fails() { # name want-status want-message args...
	local name=$1 want=$2 msg=$3 rc
	shift 3
	rm -rf "$R/out"; mkdir -p "$R/out"
	./vcsc diff "$@" >"$TMP/e" 2>&1
	rc=$?
	if [ $rc -eq "$want" ] && grep -q -- "$msg" "$TMP/e" && [ -z "$(ls -A "$R/out")" ]; then
		ok "diff pdf bad input: $name"
	else
		bad "diff pdf bad input: $name" "exit $rc (want $want); files: $(ls -A "$R/out"); $(cat "$TMP/e")"
	fi
}
rn_fails "without -o" 2 "give -o FILE" vcsa/1.0 vcsa/1.1 --format pdf
rn_fails "unknown paper" 2 "unknown paper size 'a5'" vcsa/1.0 vcsa/1.1 --format pdf --paper a5 -o "$R/out/x.pdf"
rn_fails "--paper without pdf" 2 "--paper is for --format pdf" vcsa/1.0 vcsa/1.1 --format html --paper a4 -o "$R/out/x.html"
rn_fails "unknown language" 2 "has no language 'fr'" vcsa/1.0 vcsa/1.1 --format pdf --lang fr -o "$R/out/x.pdf"
rn_fails "unwritable output" 2 "cannot write" vcsa/1.0 vcsa/1.1 --format pdf -o /nonexistent-dir/x.pdf
rn_fails "invalid version" 1 "duplicate" vcsa/1.0 tests/check/duplicate-key/vcsa/1.0 --format pdf -o "$R/out/x.pdf"
VCSC_DATADIR="$R/nowhere" rn_fails "no templates" 2 "VCSC_DATADIR" vcsa/1.0 vcsa/1.1 --format pdf -o "$R/out/x.pdf"
# a texts file lacking a translation: its position, and the old file kept
mkdir -p "$R/data/templates" && cp -r templates/pdf "$R/data/templates/"
grep -v 'de: Änderungshinweis' templates/pdf/release-notes.yaml >"$R/data/templates/pdf/release-notes.yaml"
cp "$R/vcsa-de.pdf" "$R/keep.pdf"
VCSC_DATADIR="$R/data" ./vcsc diff vcsa/1.0 vcsa/1.1 --format pdf --lang de -o "$R/keep.pdf" >/dev/null 2>"$TMP/e"
rc=$?
if [ $rc -eq 2 ] && grep -q "release-notes.yaml:[0-9]*:[0-9]*: error: no 'de' text for 'note'" "$TMP/e" &&
	cmp -s "$R/keep.pdf" "$R/vcsa-de.pdf" && [ -z "$(find "$R" -name '*.tmp.*')" ]; then
	ok "diff pdf texts file without a translation keeps the old file"
else
	bad "diff pdf texts file without a translation keeps the old file" "exit $rc $(cat "$TMP/e")"
fi

# ---- sections: the ISA-shaped example and the section fixture -----------

# examples/isa: a question moved to another section, the one after it
# shifted; every format shows exactly the edits listed beside it.
I=examples/isa/isa
./vcsc diff $I/1.0 $I/1.1 >"$TMP/isa.txt" 2>&1
rc=$?
./vcsc diff $I/1.0 $I/1.1 --format json >"$TMP/isa.json" 2>/dev/null
./vcsc diff $I/1.1 $I/1.0 --format json >"$TMP/isa-ba.json" 2>/dev/null
if [ $rc -eq 1 ] && diff -u tests/golden/diff-isa-1.0-1.1.txt "$TMP/isa.txt" >"$TMP/d"; then
	ok "diff golden text isa 1.0 -> 1.1"
else
	bad "diff golden text isa 1.0 -> 1.1" "exit $rc $(cat "$TMP/d")"
fi
same_edits "isa 1.0 -> 1.1" examples/isa/edits-1.0-1.1.txt "$TMP/isa.json" "$TMP/isa-ba.json"
# questions in the order chapter, section, question (3.1.4 before 3.2.1)
got=$(jq -r '[.questions[] | .new_number // .old_number] | join(" ")' "$TMP/isa.json")
[ "$got" = "1.1.1 1.1.3 3.1.4 3.2.1 3.2.3 3.2.4 3.2.5" ] && ok "diff isa lists questions by chapter, section, question" ||
	bad "diff isa lists questions by chapter, section, question" "$got"
# the bundled catalogue has no sections: an empty list, nothing else new
got=$(jq -c '[.sections, ([.renumbering[] | select(.type == "section")] | length)]' "$TMP/ab.json")
[ "$got" = '[[],0]' ] && ok "diff json of the bundled catalogue has no sections" ||
	bad "diff json of the bundled catalogue has no sections" "$got"

# the section fixture: sections paired by uid, number and similarity;
# added, removed, moved, renumbered, reworded; questions moved between
# sections; numbers that follow their section's only in the table
S=tests/fixtures/diff-sections/isx
./vcsc diff $S/1.0 $S/2.0 >"$TMP/sec.txt" 2>&1
./vcsc diff $S/1.0 $S/2.0 --format json >"$TMP/sec.json" 2>/dev/null
./vcsc diff $S/2.0 $S/1.0 --format json >"$TMP/sec-ba.json" 2>/dev/null
if diff -u tests/golden/diff-sections.txt "$TMP/sec.txt" >"$TMP/d"; then
	ok "diff golden text section fixture"
else
	bad "diff golden text section fixture" "$(cat "$TMP/d")"
fi
same_edits "section fixture" tests/diff/sections-edits.txt "$TMP/sec.json" "$TMP/sec-ba.json"
got=$(jq -r '[.sections[] | "\(.uid):\(.paired_by)"] | join(" ")' "$TMP/sec.json")
case $got in
*"sec-organisation:number"*"sec-exit:similarity"*) ok "diff pairs sections by number and by similarity" ;;
*) bad "diff pairs sections by number and by similarity" "$got" ;;
esac
./vcsc diff $S/2.0 $S/2.0 >"$TMP/self.txt" 2>&1
rc=$?
[ $rc -eq 0 ] && [ ! -s "$TMP/self.txt" ] && ok "diff section fixture against itself is empty" ||
	bad "diff section fixture against itself is empty" "exit $rc $(head -5 "$TMP/self.txt")"

# HTML: a golden page per language; questions under their sections
golden_doc html sections "section fixture" $S/1.0 $S/2.0
./vcsc diff $I/1.0 $I/1.1 --format html -o "$H/isa.html" 2>"$TMP/e"
page=$(node tests/site/htmltext.js "$H/isa.html")
if grep -qx -- '- Moved to another section: 1.2.2 → 1.1.3' <<<"$page" &&
	grep -qx '#### 1.1 Policies' <<<"$page" && grep -qx '##### 1.1.3 Security in projects moved' <<<"$page" &&
	grep -q '^| Change | Chapters | Sections | Questions | Requirements | Total$' <<<"$page"; then
	ok "diff html isa: questions under their sections, moved to another section"
else
	bad "diff html isa: questions under their sections, moved to another section" "$page"
fi

# PDF: every listed edit at its item, one bullet per change; sections in
# the outline and the table of contents; a golden text per language
sec_numbers() { # export-of-new-version diff-json
	{
		./vcsc export "$1" | jq -r '.. | objects | select(has("uid") and has("number")) | "\(.uid) \(.number)"'
		jq -r '(.sections[], .questions[], .questions[].requirements[]) | "\(.uid) \(.new_number // .old_number)"' "$2"
	}
}
for x in "isa $I/1.0 $I/1.1 examples/isa/edits-1.0-1.1.txt $TMP/isa.json" \
	"sections $S/1.0 $S/2.0 tests/diff/sections-edits.txt $TMP/sec.json"; do
	set -- $x
	./vcsc diff "$2" "$3" --format pdf -o "$R/$1-en.pdf" 2>"$TMP/e"
	sec_numbers "$3" "$5" >"$R/$1.numbers"
	rn_body "$R/$1-en.pdf" "$R/$1-en.txt"
	if out=$(awk -f tests/diff/pdf-edits.awk "$R/$1.numbers" "$4" "$R/$1-en.txt" 2>&1); then
		ok "diff pdf $1 shows every listed edit at its item ($out)"
	else
		bad "diff pdf $1 shows every listed edit at its item" "$out $(cat "$TMP/e")"
	fi
	want_n=$(edits_list "$4" | grep -vc '^shifted ')
	got_n=$(grep -c '^• ' "$R/$1-en.txt")
	[ "$want_n" = "$got_n" ] && ok "diff pdf $1 one entry per change ($got_n)" || bad "diff pdf $1 one entry per change" "want $want_n, got $got_n"
	rn_pdf_ok "$1-en" "$R/$1-en.pdf"
done
outline=$(qpdf --json --json-key=outlines "$R/isa-en.pdf" |
	jq -r '.outlines[] | select(.title == "Changes by question") | .kids[0] | [.title, .kids[0].title, .kids[0].kids[1].title] | join(" / ")')
toc=$(pdftotext -f 1 -l 1 -layout "$R/isa-en.pdf" - | grep -c '^ *[0-9]\.[0-9] .* [0-9]$')
if [ "$outline" = "Chapter 1 · Policies and organisation / 1.1 Policies / 1.1.3 Security in projects" ] && [ "$toc" = 3 ]; then
	ok "diff pdf isa: sections in the outline and the table of contents"
else
	bad "diff pdf isa: sections in the outline and the table of contents" "outline '$outline', $toc sections in the contents"
fi
golden_doc pdf sections "section fixture" $S/1.0 $S/2.0
./vcsc diff $S/1.0 $S/2.0 --format pdf --lang de -o "$R/sections-again.pdf" 2>/dev/null
cmp -s "$R/sections-de.pdf" "$R/sections-again.pdf" && ok "diff pdf section fixture: two runs give identical bytes" ||
	bad "diff pdf section fixture: two runs give identical bytes"

# ---- the same under the sanitizers ---------------------------------------

# asan_diff ARGS...: build/asan/vcsc diff ARGS exits 0 or 1 ("they
# differ") and the sanitizers say nothing; what went wrong is added to
# $asan_out.
asan_diff() {
	build/asan/vcsc diff "$@" >/dev/null 2>"$TMP/asan.err"
	local rc=$?
	if [ $rc -gt 1 ] || grep -q -e 'Sanitizer' -e 'runtime error' "$TMP/asan.err"; then
		asan_out="$asan_out
diff $* (exit $rc): $(head -20 "$TMP/asan.err")"
	fi
}
if have_asan "asan diff bundled and fixture, both directions"; then
	asan_out=
	asan_diff vcsa/1.0 vcsa/1.1 --color=always
	asan_diff vcsa/1.1 vcsa/1.0 --format json
	asan_diff $F/1.0 $F/2.0
	asan_diff $F/2.0 $F/1.0 --format json
	asan_diff $F/1.0 $F/2.0 --format html --lang de -o "$TMP/asan.html"
	asan_diff vcsa/1.0 vcsa/1.1 --format html -o "$TMP/asan.html"
	asan_diff vcsa/1.0 vcsa/1.1 --format pdf --lang de -o "$TMP/asan.pdf"
	cmp -s "$TMP/asan.pdf" "$R/vcsa-de.pdf" || asan_out="$asan_out; bundled pdf differs"
	asan_diff $F/1.0 $F/2.0 --format pdf -o "$TMP/asan.pdf"
	cmp -s "$TMP/asan.pdf" "$R/fixture-en.pdf" || asan_out="$asan_out; fixture pdf differs"
	if [ -z "$asan_out" ]; then
		ok "asan diff bundled and fixture, both directions"
	else
		bad "asan diff bundled and fixture, both directions" "$asan_out"
	fi
fi
# several successors, translations, languages completed, --lang
if have_asan "asan diff successors and translations"; then
	asan_out=
	asan_diff $P/1.0 $P/1.1
	asan_diff $P/1.1 $P/1.0 --format json --lang de
	asan_diff $P/1.0 $P/1.1 --format html --lang de -o "$TMP/asan.html"
	asan_diff $P/1.0 $P/1.1 --format pdf -o "$TMP/asan.pdf"
	asan_diff "$PS/vcsp/1.1" "$PS/vcsp/1.2" --format pdf --lang de -o "$TMP/asan.pdf"
	asan_diff "$PT/vcsp/1.0" "$PT/vcsp/1.1" --lang de
	asan_diff "$PT/vcsp/1.1" "$PT/vcsp/1.0" --format json
	asan_diff "$PT/vcsp/1.0" "$PT/vcsp/1.1" --format pdf --lang de -o "$TMP/asan.pdf"
	if [ -z "$asan_out" ]; then
		ok "asan diff successors and translations"
	else
		bad "asan diff successors and translations" "$asan_out"
	fi
fi
# sections, both ways, every format
if have_asan "asan diff sections"; then
	asan_out=
	asan_diff $S/1.0 $S/2.0 --color=always
	asan_diff $S/2.0 $S/1.0 --format json
	asan_diff $S/1.0 $S/2.0 --format html --lang de -o "$TMP/asan.html"
	asan_diff $S/2.0 $S/1.0 --format pdf -o "$TMP/asan.pdf"
	asan_diff $I/1.0 $I/1.1 --format pdf --lang de -o "$TMP/asan.pdf"
	asan_diff $I/1.1 $I/1.0
	if [ -z "$asan_out" ]; then
		ok "asan diff sections"
	else
		bad "asan diff sections" "$asan_out"
	fi
fi

# ---- new-version ---------------------------------------------------------

NV=$TMP/nv
rm -rf "$NV"; mkdir -p "$NV"
cp -r tests/fixtures/diff "$NV/cat"
./vcsc new-version "$NV/cat/vcsa/2.0" 2.1 >"$TMP/nv.out" 2>&1
rc=$?
V=$NV/cat/vcsa/2.1
if [ $rc -eq 0 ] && [ -f "$V/version.yaml" ] && ./vcsc check -q "$V" >/dev/null 2>&1 &&
	grep -qx 'status: draft' "$V/version.yaml" && grep -qx 'predecessor: "2.0"' "$V/version.yaml" &&
	grep -qx 'version: "2.1"' "$V/version.yaml" && ! grep -q '^released:' "$V/version.yaml" &&
	! grep -rq 'change_note' "$V"; then
	ok "new-version makes a checked draft copy without change notes"
else
	bad "new-version makes a checked draft copy without change notes" "exit $rc $(cat "$TMP/nv.out")"
fi
./vcsc check "$V" 2>/dev/null | grep -q '; draft$' && ok "new-version copy is a draft" || bad "new-version copy is a draft"
# the copy pairs everything by uid: same content, nothing to report
./vcsc diff "$NV/cat/vcsa/2.0" "$V" >"$TMP/nv.diff" 2>&1
rc=$?
[ $rc -eq 0 ] && [ ! -s "$TMP/nv.diff" ] && ok "new-version copy diffs as the same" || bad "new-version copy diffs as the same" "exit $rc $(cat "$TMP/nv.diff")"
# only change_note blocks and version keys differ; comments are kept
if diff "$NV/cat/vcsa/2.0/01-org.yaml" "$V/01-org.yaml" | grep '^[<>]' | grep -v '^< *change_note: Now also applies to development.$' | grep -q .; then
	bad "new-version keeps the chapter files except change notes" "$(diff "$NV/cat/vcsa/2.0/01-org.yaml" "$V/01-org.yaml")"
else
	ok "new-version keeps the chapter files except change notes"
fi
cp -r tests/fixtures/diff/vcsa/1.0 "$NV/cat/vcsa/1.0b" 2>/dev/null
./vcsc new-version "$NV/cat/vcsa/1.0" 1.5 >/dev/null 2>&1
if head -3 "$NV/cat/vcsa/1.5/version.yaml" | grep -q '^# Fixture for the catalogue diff'; then
	ok "new-version keeps comments"
else
	bad "new-version keeps comments" "$(head -5 "$NV/cat/vcsa/1.5/version.yaml")"
fi
before=$(cat "$V/01-org.yaml")
./vcsc new-version "$NV/cat/vcsa/2.0" 2.1 >/dev/null 2>"$TMP/e"
rc=$?
if [ $rc -eq 2 ] && grep -q 'already exists' "$TMP/e" && [ "$before" = "$(cat "$V/01-org.yaml")" ]; then
	ok "new-version refuses to overwrite"
else
	bad "new-version refuses to overwrite" "exit $rc $(cat "$TMP/e")"
fi
./vcsc new-version "$NV/cat/vcsa/2.0" ../x >/dev/null 2>&1; [ $? -eq 2 ] && ok "new-version bad id exits 2" || bad "new-version bad id exits 2"
# ids the site keeps for itself are refused where they would be made, as
# a wrong argument (2), like any id the loader would refuse
for id in latest q 1.2+B; do
	./vcsc new-version "$NV/cat/vcsa/2.0" "$id" >/dev/null 2>"$TMP/e"
	rc=$?
	if [ $rc -eq 2 ] && grep -q "version id '$id'" "$TMP/e" && [ ! -e "$NV/cat/vcsa/$id" ]; then
		ok "new-version refuses the version id '$id'"
	else
		bad "new-version refuses the version id '$id'" "exit $rc $(cat "$TMP/e")"
	fi
done
# a change note whose quoted text goes on under its key goes as a whole;
# a file beside the chapters that links out of the catalogue is not copied
NQ=$TMP/nvq
rm -rf "$NQ" && mkdir -p "$NQ" && cp -r tests/fixtures/diff "$NQ/cat"
sed -i 's/^    change_note: Its reporting duties now sit with monitoring\.$/    change_note: "Its reporting duties\n    now sit with monitoring."/' "$NQ/cat/vcsa/2.0/02-ops.yaml"
echo 'outside the catalogue' >"$NQ/secret.txt"
ln -s ../../../secret.txt "$NQ/cat/vcsa/2.0/notes.txt"
./vcsc new-version "$NQ/cat/vcsa/2.0" 2.1 >"$TMP/nvq.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q '^    now sit with monitoring."$' "$NQ/cat/vcsa/2.0/02-ops.yaml" &&
	! grep -q 'change_note\|now sit with' "$NQ/cat/vcsa/2.1/02-ops.yaml" &&
	./vcsc check -q "$NQ/cat/vcsa/2.1" >/dev/null 2>&1; then
	ok "new-version removes a change note that goes on under its key"
else
	bad "new-version removes a change note that goes on under its key" "exit $rc $(cat "$TMP/nvq.out")"
fi
if [ ! -e "$NQ/cat/vcsa/2.1/notes.txt" ] && grep -q "not copied: .*notes.txt' (a symbolic link" "$TMP/nvq.out"; then
	ok "new-version does not copy a link out of the catalogue"
else
	bad "new-version does not copy a link out of the catalogue" "$(cat "$TMP/nvq.out")"
fi
./vcsc new-version tests/check/duplicate-key/vcsa/1.0 1.1 --catalogue catalogue >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && [ ! -e tests/check/duplicate-key/vcsa/1.1 ] && ok "new-version of an invalid version exits 1" || bad "new-version of an invalid version exits 1" "exit $rc"
if ls -a "$NV/cat" | grep -q '^\.vcsc-new'; then bad "new-version leaves no temporary directory"; else ok "new-version leaves no temporary directory"; fi

# ---- check --fix-ids -----------------------------------------------------

cat >>"$V/02-ops.yaml" <<'EOF'
  # drafted for 2.1: no uids yet
  - number: "2.3"
    title: Incident exercises
    question: To what extent are incident responses rehearsed?
    objective: Teams know their part before an incident happens.
    applies_to: [operations]
    requirements:
      - letter: a
        must: >-
          Incident response exercises take place at least once a year and
          their lessons are recorded.
      - should: "Suppliers should take part in the exercises."  # keep me
        letter: b
EOF
cp "$V/02-ops.yaml" "$TMP/before.yaml"
./vcsc check --fix-ids "$V" >"$TMP/fix.out" 2>&1
rc=$?
added=$(diff "$TMP/before.yaml" "$V/02-ops.yaml" | grep '^>' | sed 's/^> //')
removed=$(diff "$TMP/before.yaml" "$V/02-ops.yaml" | grep -c '^<')
want='        uid: b-incident-exercises-incident-response
        uid: b-incident-exercises-suppliers-take
    uid: b-incident-exercises'
if [ $rc -eq 0 ] && [ "$removed" = 0 ] && [ "$added" = "$want" ] && grep -q "note: added uid 'b-incident-exercises'" "$TMP/fix.out"; then
	ok "check --fix-ids inserts uid lines only"
else
	bad "check --fix-ids inserts uid lines only" "exit $rc; added: $added; $(cat "$TMP/fix.out")"
fi
cp "$V/02-ops.yaml" "$TMP/after.yaml"
./vcsc check --fix-ids "$V" >/dev/null 2>&1
cmp -s "$TMP/after.yaml" "$V/02-ops.yaml" && ok "check --fix-ids is idempotent" || bad "check --fix-ids is idempotent"
./vcsc diff "$NV/cat/vcsa/2.0" "$V" --format json 2>/dev/null | jq -r -f tests/diff/edits.jq >"$TMP/nv.edits"
if [ "$(cat "$TMP/nv.edits")" = "added b-incident-exercises question 2.3" ]; then
	ok "diff of the draft reports the new question"
else
	bad "diff of the draft reports the new question" "$(cat "$TMP/nv.edits")"
fi
if have_asan "asan new-version and check --fix-ids"; then
	cp "$TMP/before.yaml" "$V/02-ops.yaml"
	out=$( (build/asan/vcsc check -q --fix-ids "$V" >/dev/null &&
		build/asan/vcsc new-version "$V" 2.2 >/dev/null) 2>&1 | grep -v ': note: ' | grep -v '^ ' |
		grep -v "question 2.3 ('b-incident-exercises') is new in vcsa/2.1 but has no change_note\|^0 errors, 1 warning$")
	if [ -z "$out" ] && cmp -s "$TMP/after.yaml" "$V/02-ops.yaml"; then
		ok "asan new-version and check --fix-ids"
	else
		bad "asan new-version and check --fix-ids" "$out"
	fi
fi

# Sources drafted without uids in the shapes YAML writers emit (an
# indentless list first, quoted text going on under its key or further
# left, block scalars last, comments after the last pair, flow mappings,
# titles without ASCII letters, CRLF without a final line break): the
# result loads with every uid, only uids were added, and a second run
# changes nothing.
FS=$TMP/fixshapes
rm -rf "$FS" && mkdir -p "$FS" && cp -r tests/check/fix-ids-shapes/vcsa "$FS/"
./vcsc check --fix-ids --catalogue catalogue "$FS/vcsa/1.0" >"$TMP/fs.out" 2>&1
rc=$?
# less the uid lines and the "uid: ..., " put into flow mappings, the
# files are as they were (line endings are compared below)
strip_uids() { tr -d '\r' <"$1" | sed -e 's/{uid: [a-z0-9-]*, /{/g' | grep -v '^ *uid: [a-z0-9-]*$'; }
same=yes
for f in 01-org.yaml 02-ops.yaml; do
	strip_uids "$FS/vcsa/1.0/$f" | cmp -s - <(strip_uids "tests/check/fix-ids-shapes/vcsa/1.0/$f") || same=no
done
if [ $rc -eq 0 ] && [ $same = yes ] && [ "$(grep -c 'note: added uid' "$TMP/fs.out")" = 10 ] &&
	./vcsc check -q --catalogue catalogue "$FS/vcsa/1.0" >/dev/null 2>&1; then
	ok "check --fix-ids: every shape loads afterwards, only uids added"
else
	bad "check --fix-ids: every shape loads afterwards, only uids added" "exit $rc same=$same $(cat "$TMP/fs.out")"
fi
lines=$(tr -cd '\n' <"$FS/vcsa/1.0/02-ops.yaml" | wc -c)
crlf=$(grep -c $'\r$' "$FS/vcsa/1.0/02-ops.yaml")
if [ "$lines" = "$crlf" ] && [ -n "$(tail -c 1 "$FS/vcsa/1.0/02-ops.yaml")" ] &&
	grep -q $'^    uid: ops-2-2$' "$FS/vcsa/1.0/02-ops.yaml"; then
	ok "check --fix-ids keeps CRLF and the missing final line break"
else
	bad "check --fix-ids keeps CRLF and the missing final line break" "$lines lines, $crlf CRLF"
fi
if grep -q '^    uid: ops-2-2' "$FS/vcsa/1.0/02-ops.yaml" && grep -q '{uid: organizational-1-3, ' "$FS/vcsa/1.0/01-org.yaml"; then
	ok "check --fix-ids: a title without ASCII letters gets the chapter prefix and number"
else
	bad "check --fix-ids: a title without ASCII letters gets the chapter prefix and number" "$(grep uid: "$FS/vcsa/1.0/"*.yaml)"
fi
cp -r "$FS/vcsa/1.0" "$TMP/fs.after"
./vcsc check --fix-ids --catalogue catalogue "$FS/vcsa/1.0" >"$TMP/fs2.out" 2>&1
if diff -r "$TMP/fs.after" "$FS/vcsa/1.0" >/dev/null && ! grep -q 'added uid' "$TMP/fs2.out"; then
	ok "check --fix-ids on every shape is idempotent"
else
	bad "check --fix-ids on every shape is idempotent" "$(diff -r "$TMP/fs.after" "$FS/vcsa/1.0")"
fi

# A chapter file that links out of the catalogue is neither read nor
# written through; the other files still get their uids.
FL=$TMP/fixlink
rm -rf "$FL" && mkdir -p "$FL/cat" && cp -r tests/check/fix-ids-shapes/vcsa "$FL/cat/"
mv "$FL/cat/vcsa/1.0/01-org.yaml" "$FL/outside.yaml"
cp "$FL/outside.yaml" "$TMP/outside.before"
ln -s ../../../outside.yaml "$FL/cat/vcsa/1.0/01-org.yaml"
./vcsc check --fix-ids --catalogue catalogue "$FL/cat/vcsa/1.0" >"$TMP/fl.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && cmp -s "$TMP/outside.before" "$FL/outside.yaml" && [ -L "$FL/cat/vcsa/1.0/01-org.yaml" ] &&
	grep -q "01-org.yaml: error: symbolic link to '../../../outside.yaml' leads out of the catalogue" "$TMP/fl.out" &&
	grep -q "note: added uid 'ops-2-2'" "$TMP/fl.out"; then
	ok "check --fix-ids leaves a link out of the catalogue alone"
else
	bad "check --fix-ids leaves a link out of the catalogue alone" "exit $rc $(grep -v '^ ' "$TMP/fl.out")"
fi

# When the edited text would not load (here: the uid lines would take a
# file just under the size limit over it), nothing is written: exit 1, the
# file byte for byte as it was, an error saying why and notes saying what
# to add.
FB=$TMP/fixbig
rm -rf "$FB" && mkdir -p "$FB" && cp -r tests/check/fix-ids-shapes/vcsa "$FB/"
f=$FB/vcsa/1.0/01-org.yaml
pad=$((4 * 1024 * 1024 - $(wc -c <"$f") - 10))
head -c "$pad" /dev/zero | tr '\0' '#' >>"$f"
echo >>"$f"
cp "$f" "$TMP/big.before"
./vcsc check -q --fix-ids --catalogue catalogue "$FB/vcsa/1.0" >"$TMP/fb.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && cmp -s "$TMP/big.before" "$f" &&
	grep -q "01-org.yaml: error: --fix-ids left this file as it was: with the uids added it would be larger than the limit of 4 MiB" "$TMP/fb.out" &&
	grep -q "note: question 1.1 would have got 'uid: cybersecurity-policy'" "$TMP/fb.out" &&
	grep -q "note: added uid 'ops-2-2'" "$TMP/fb.out"; then
	ok "check --fix-ids writes nothing when the result would not load"
else
	bad "check --fix-ids writes nothing when the result would not load" "exit $rc $(grep -v '^ ' "$TMP/fb.out" | head -20)"
fi

# A minted uid never reuses one that another version of the catalogue
# gives (to an item since removed, here): the bundled 1.0 has the
# requirement uid risk-monitoring-sources; a new 1.2 question with that
# title (in the chapter whose uids start with risk-) must get another uid.
fx=$TMP/fixreuse
rm -rf "$fx" && mkdir -p "$fx" && cp -r catalogue/. "$fx/"
./vcsc new-version "$fx/vcsa/1.1" 1.2 >/dev/null 2>&1
cat >>"$fx/vcsa/1.2/03-risk.yaml" <<'EOF'
  - number: "3.4"
    title: Risk monitoring sources
    question: To what extent are sources of risk information watched?
    objective: New threats are noticed early.
    applies_to: [operations]
    requirements:
      - letter: a
        must: Sources are listed and watched.
EOF
./vcsc check -q --fix-ids "$fx/vcsa/1.2" >/dev/null 2>&1
u=$(sed -n 's/^    uid: \(risk-monitoring-sources[a-z0-9-]*\)$/\1/p' "$fx/vcsa/1.2/03-risk.yaml")
if [ -n "$u" ] && [ "$u" != risk-monitoring-sources ]; then
	ok "check --fix-ids avoids uids of other versions ($u)"
else
	bad "check --fix-ids avoids uids of other versions" "got '$u'"
fi

for c in diff new-version; do
	./vcsc $c --help >"$TMP/h" 2>&1 && grep -q "Usage: vcsc $c" "$TMP/h" && ok "cli help '$c'" || bad "cli help '$c'"
done
./vcsc --help | grep -q 'new-version' && ok "cli main help lists diff and new-version" || bad "cli main help lists diff and new-version"
