# The criteria website (`vcsc site`): goldens of a few pages of the mini
# and published fixtures (as text), the link checker over whole sites,
# version and language switching on the bundled catalogue, atomic
# replacement, and the hostile-text test. Sourced by tests/run.sh (uses
# ok, bad, have_asan, $TMP).
# UPDATE=1 rewrites the goldens under tests/golden/site/ (review the diff).

SITE_TOOLS=tests/site
if ! command -v node >/dev/null 2>&1; then
	bad "site: node is missing (scripts/deps.sh test installs nodejs)"
	return 0 2>/dev/null || exit 0
fi

# site_goldens SITE PAGE...: each page of the built SITE as text against
# tests/golden/site/PAGE-with-underscores.txt.
site_goldens() {
	local dir=$1 page golden
	shift
	for page in "$@"; do
		golden=tests/golden/site/$(echo "$page" | tr / _).txt
		node $SITE_TOOLS/htmltext.js "$dir/$page" >"$TMP/page.txt" 2>&1
		[ -n "${UPDATE:-}" ] && cp "$TMP/page.txt" "$golden"
		if diff -u "$golden" "$TMP/page.txt" >"$TMP/d" 2>&1; then
			ok "site golden $page"
		else
			bad "site golden $page" "$(cat "$TMP/d")"
		fi
	done
}

# --- the mini fixture: goldens --------------------------------------------
m=$TMP/site-mini
mkdir -p "$m/downloads"
printf '%%PDF-1.4 test\n' >"$m/downloads/vcsa-1.1-en-questionnaire.pdf"
printf 'notes\n' >"$m/downloads/release notes.txt"
if ./vcsc site --catalogue tests/fixtures/mini -o "$m/site" \
	--base-url https://criteria.example.org/vcs -q 2>"$TMP/site.err"; then
	ok "site mini builds"
else
	bad "site mini builds" "$(cat "$TMP/site.err")"
fi
site_goldens "$m/site" index.html 404.html vcsa/1.1/en/questions/1.3.html \
	vcsa/1.1/de/questions/1.1.html vcsa/1.0/en/questions/1.2.html \
	vcsa/1.1/en/requirements.html vcsa/1.1/en/references/iso-sae-21434.html \
	vcsa/1.1/en/objectives/production.html vcsa/1.1/en/chapters/2.html \
	vcsa/1.2/en/index.html vcsa/1.1/en/downloads.html \
	vcsa/q/mini-incident.html vcsa/1.1/en/changes/1.0.html \
	vcsa/1.1/de/changes/1.0.html vcsa/1.2/en/changes/1.1.html
out=$(node $SITE_TOOLS/linkcheck.js "$m/site" 2>&1)
if [ $? -eq 0 ] && grep -q ' [1-9][0-9]* sitemap entries' <<<"$out"; then
	ok "site mini links and sitemap ($out)"
else
	bad "site mini links and sitemap" "$out"
fi
if cmp -s "$m/downloads/release notes.txt" "$m/site/downloads/release notes.txt"; then
	ok "site copies the downloads folder"
else
	bad "site copies the downloads folder"
fi

# --- a catalogue laid out as its owner publishes it --------------------------
# tests/fixtures/published: three levels (very-high with its own colour, for
# one objective only), labels that skip letters and use numerals, a question
# withdrawn into three successors.
pub=$TMP/site-published
if ./vcsc site --catalogue tests/fixtures/published -o "$pub/site" -q 2>"$TMP/site.err" &&
	! grep -q 'error:' "$TMP/site.err"; then
	ok "site published fixture builds"
else
	bad "site published fixture builds" "$(cat "$TMP/site.err")"
fi
site_goldens "$pub/site" vcsp/1.1/en/questions/1.1.html vcsp/1.1/en/questions/1.3.html \
	vcsp/1.0/de/questions/1.3.html vcsp/1.1/en/requirements.html \
	vcsp/1.1/en/objectives/normal.html vcsp/1.1/en/index.html
out=$(node $SITE_TOOLS/linkcheck.js "$pub/site" 2>&1)
[ $? -eq 0 ] && ok "site published links ($out)" || bad "site published links" "$out"
# The colour the scheme gives a level reaches a style sheet the pages
# link; the text of a level for some objectives carries them.
q=$pub/site/vcsp/1.1/en/questions/1.1.html
if grep -q '^\.level-tag\.level-very-high { background: #6a1b9a; color: #ffffff;' "$pub/site/assets/levels.css" &&
	grep -q '^\.stmt\.stmt-very-high { border-left: 4px solid #6a1b9a;' "$pub/site/assets/levels.css" &&
	grep -q '<link rel="stylesheet" href="../../../../assets/levels.css">' "$q" &&
	grep -q '<div class="stmt stmt-very-high" data-objectives="very-high">' "$q" &&
	grep -q '<span class="level-tag level-very-high" data-objectives="very-high" title=' "$q" &&
	! grep -q 'class="stmt stmt-must" data-objectives' "$q"; then
	ok "site level colours and objectives of a level's text"
else
	bad "site level colours and objectives of a level's text" "$(cat "$pub/site/assets/levels.css" 2>&1; grep -o '<div class="stmt[^>]*>' "$q")"
fi

# --- a catalogue of sections (examples/isa, numbers chapter.section.question)
# Goldens of the pages sections reach: the chapter (a heading per section,
# the questions below), a question (breadcrumbs chapter > section; it moved
# to another section), the version menu of a question that moved between
# sections (German), the requirements table (a row per section), the
# overview, an objective page; the permanent link of a section; the home
# page in the words strings.xml gives the example's scheme.
isa=$TMP/site-isa
if ./vcsc site --catalogue examples/isa -o "$isa/site" -q 2>"$TMP/site.err" &&
	! grep -q 'error:' "$TMP/site.err"; then
	ok "site sections: examples/isa builds"
else
	bad "site sections: examples/isa builds" "$(cat "$TMP/site.err")"
fi
site_goldens "$isa/site" isa/1.1/en/chapters/1.html isa/1.1/en/questions/1.1.3.html \
	isa/1.0/de/questions/1.2.2.html isa/1.1/en/requirements.html isa/1.1/en/index.html \
	isa/1.1/de/objectives/high.html isa/q/pol-docs.html de/index.html
out=$(node $SITE_TOOLS/linkcheck.js "$isa/site" 2>&1)
[ $? -eq 0 ] && ok "site sections: links ($out)" || bad "site sections: links" "$out"
# What the example lacks (tests/site/isa-variant.sh): a section's
# introduction and change note, on the chapter page and under "what
# changed"; hostile text in them stays text.
if tests/site/isa-variant.sh "$isa/variant" 2>"$TMP/e" &&
	./vcsc site --catalogue "$isa/variant" -o "$isa/variant-site" -q 2>"$TMP/e"; then
	node $SITE_TOOLS/htmltext.js "$isa/variant-site/isa/1.1/en/chapters/1.html" >"$TMP/ch.txt"
	node $SITE_TOOLS/htmltext.js "$isa/variant-site/index.html" >"$TMP/home.txt"
	if grep -A3 -x '## 1.1 Policies' "$TMP/ch.txt" | grep -qx 'The rules the organisation sets for itself, and how they stay current.' &&
		grep -A3 -x '## 1.1 Policies' "$TMP/ch.txt" | grep -qx 'Now also holds the question on projects.' &&
		grep -q '<section class="chapter-section" id="s-pol-docs" data-section="pol-docs"><h2 class="section-title"><span class="num">1.1</span> Policies</h2><div class="prose section-intro"><p>The rules the organisation <em>sets</em>' \
			"$isa/variant-site/isa/1.1/en/chapters/1.html" &&
		grep -A1 -xF -- '- [1.1 Policies](isa/1.1/en/chapters/1.html#s-pol-docs)' "$TMP/home.txt" | grep -qx 'Now also holds the question on projects.'; then
		ok "site sections: introduction and change note of a section"
	else
		bad "site sections: introduction and change note of a section" "$(sed -n 10,20p "$TMP/ch.txt")"
	fi
	node $SITE_TOOLS/inject.js "$isa/variant" >"$TMP/inject.out" 2>&1
	if ./vcsc site --catalogue "$isa/variant" -o "$isa/hostile" -q 2>"$TMP/e"; then
		out=$(node $SITE_TOOLS/hostile.js "$isa/hostile" XSS-MARKER 2>&1)
		[ $? -eq 0 ] && grep -q 'XSS-MARKER' "$isa/hostile/isa/1.1/de/chapters/1.html" &&
			ok "site sections: hostile text in sections stays inert ($(head -1 <<<"$out"))" ||
			bad "site sections: hostile text in sections stays inert" "$out"
	else
		bad "site sections: hostile text in sections stays inert" "did not build: $(head -20 "$TMP/e")"
	fi
else
	bad "site sections: introduction and change note of a section" "$(cat "$TMP/e")"
fi

# --- the bundled catalogue ---------------------------------------------------
b=$TMP/site-bundled
if ./vcsc site -o "$b/site" >"$TMP/site.out" 2>&1 && [ -f "$b/site/index.html" ]; then
	ok "site bundled builds ($(cat "$TMP/site.out"))"
else
	bad "site bundled builds" "$(cat "$TMP/site.out")"
fi
out=$(node $SITE_TOOLS/linkcheck.js "$b/site" 2>&1)
[ $? -eq 0 ] && ok "site bundled links ($out)" || bad "site bundled links" "$out"
[ ! -e "$b/site/sitemap.xml" ] && ok "site no sitemap without --base-url" ||
	bad "site no sitemap without --base-url"
# must and should have no colour in the scheme: style.css styles them
[ ! -e "$b/site/assets/levels.css" ] && ! grep -rq 'levels\.css' "$b/site/vcsa/1.1/en/questions" &&
	ok "site no level style sheet without level colours" ||
	bad "site no level style sheet without level colours"

# German pages exist for every page of 1.1, and 1.0 (German partial) has none.
(cd "$b/site/vcsa/1.1/en" && find . -type f | sort) >"$TMP/en.list"
(cd "$b/site/vcsa/1.1/de" && find . -type f | sort) >"$TMP/de.list"
if [ "$(wc -l <"$TMP/en.list")" -ge 45 ] && cmp -s "$TMP/en.list" "$TMP/de.list" &&
	[ ! -e "$b/site/vcsa/1.0/de" ]; then
	ok "site German pages for every page of 1.1 ($(wc -l <"$TMP/de.list"))"
else
	bad "site German pages for every page of 1.1" "$(diff "$TMP/en.list" "$TMP/de.list")"
fi

# The version menu keeps the question (by uid), also renumbered and moved.
menu() { # PAGE LINE: the page's text shows LINE
	node $SITE_TOOLS/htmltext.js "$b/site/$1" | grep -qF -- "$2"
}
check_menu() {
	if menu "$1" "$2"; then ok "site version switch: $3"; else
		bad "site version switch: $3" "$(node $SITE_TOOLS/htmltext.js "$b/site/$1" | sed -n 1,14p)"; fi
}
check_menu vcsa/1.0/en/questions/7.3.html '- [1.1 current as 7.2](../../../../vcsa/1.1/en/questions/7.2.html)' "renumbered 7.3 -> 7.2"
check_menu vcsa/1.1/de/questions/7.2.html '- [1.0 als 7.3 (English)](../../../../vcsa/1.0/en/questions/7.3.html)' "renumbered, back, German to English"
check_menu vcsa/1.0/en/questions/2.3.html '- [1.1 current as 1.5, other chapter](../../../../vcsa/1.1/en/questions/1.5.html)' "moved 2.3 -> 1.5"
check_menu vcsa/1.1/en/questions/1.5.html '- [1.0 as 2.3, other chapter](../../../../vcsa/1.0/en/questions/2.3.html)' "moved, back"
check_menu vcsa/1.0/en/questions/3.3.html '- [1.1 current withdrawn there](../../../../vcsa/1.1/en/questions/3.3.html)' "withdrawn in 1.1"
check_menu vcsa/1.1/en/questions/5.3.html '- [1.0 not yet present](../../../../vcsa/1.0/en/index.html)' "not yet present"
check_menu vcsa/1.1/en/questions/3.3.html 'It continues in [7.1 Cybersecurity monitoring](../questions/7.1.html)' "withdrawn page links its successor"
check_menu vcsa/1.0/en/questions/3.3.html '- [1.1 current withdrawn there](../../../../vcsa/1.1/en/questions/3.3.html) continues in [7.1](../../../../vcsa/1.1/en/questions/7.1.html)' "version menu links the successor"
check_menu vcsa/1.0/en/questions/7.3.html 'You are reading version 1.0, which version 1.1 has superseded. [Go to version 1.1](../../../../vcsa/1.1/en/questions/7.2.html)' "outdated banner"
check_menu vcsa/1.1/en/questions/1.5.html '- [Deutsch](../../../../vcsa/1.1/de/questions/1.5.html)' "language switch keeps the page"
check_menu vcsa/q/ops-vulnerability.html 'refresh: 0; url=../../vcsa/1.1/en/questions/7.2.html' "permanent link to the newest version"
check_menu vcsa/q/de/org-info-sharing.html 'refresh: 0; url=../../../vcsa/1.1/de/questions/1.5.html' "German permanent link"
check_menu vcsa/latest/en/questions/7.2.html 'refresh: 0; url=../../../../vcsa/1.1/en/questions/7.2.html' "latest redirect"

# Same input, same bytes.
./vcsc site -o "$b/again" -q 2>/dev/null
if diff -r "$b/site" "$b/again" >"$TMP/d" 2>&1; then
	ok "site reproducible"
else
	bad "site reproducible" "$(head -20 "$TMP/d")"
fi

# --- failures leave the previous site alone ---------------------------------
k=$TMP/site-keep
./vcsc site --catalogue tests/fixtures/mini -o "$k/site" -q 2>/dev/null
cp -r tests/fixtures/mini "$k/broken"
printf 'chapter: 1\ntitle: [oops\n' >"$k/broken/vcsa/1.1/01-org.yaml"
./vcsc site --catalogue "$k/broken" -o "$k/site" -q >"$TMP/e" 2>&1
rc=$?
left=$(ls -A "$k" | grep -v '^site$\|^broken$')
if [ $rc -eq 1 ] && grep -q '01-org.yaml:[0-9]*:[0-9]*: error' "$TMP/e" && [ -f "$k/site/vcsa/1.1/en/index.html" ] && [ -z "$left" ]; then
	ok "site failed build keeps the old site"
else
	bad "site failed build keeps the old site" "exit $rc; left: $left; $(cat "$TMP/e")"
fi
./vcsc site --catalogue tests/fixtures/mini -o "$k/site" -q 2>/dev/null
rc=$?
left=$(ls -A "$k" | grep -v '^site$\|^broken$')
[ $rc -eq 0 ] && [ -z "$left" ] && [ -f "$k/site/.vcsc-site" ] && ok "site rebuild replaces the old site" ||
	bad "site rebuild replaces the old site" "left: $left"
mkdir -p "$k/precious" && echo keep >"$k/precious/file"
./vcsc site --catalogue tests/fixtures/mini -o "$k/precious" -q 2>"$TMP/e"
rc=$?
[ $rc -eq 2 ] && [ -f "$k/precious/file" ] && grep -q 'not a site built by vcsc' "$TMP/e" &&
	ok "site refuses to replace a directory it did not build" ||
	bad "site refuses to replace a directory it did not build" "exit $rc $(cat "$TMP/e")"
./vcsc site --catalogue tests/fixtures/mini -o "$TMP/with space/site #1" -q 2>"$TMP/e" &&
	node $SITE_TOOLS/linkcheck.js "$TMP/with space/site #1" >/dev/null &&
	ok "site output path with space and #" || bad "site output path with space and #" "$(cat "$TMP/e")"
./vcsc site >/dev/null 2>&1; [ $? -eq 2 ] && ok "site without -o exits 2" || bad "site without -o exits 2"
./vcsc site -o "$TMP/x" --base-url 'javascript:alert(1)' >/dev/null 2>&1
[ $? -eq 2 ] && [ ! -e "$TMP/x" ] && ok "site bad --base-url exits 2" || bad "site bad --base-url exits 2"
./vcsc site --help | grep -q 'Usage: vcsc site' && ok "cli help 'site'" || bad "cli help 'site'"

# --- the sanitizer build over the mini site ---------------------------------
if have_asan "asan site mini"; then
	build/asan/vcsc site --catalogue tests/fixtures/mini -o "$TMP/site-asan/site" \
		--base-url https://x.example -q >"$TMP/asan.out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && [ ! -s "$TMP/asan.out" ] && ok "asan site mini" || bad "asan site mini" "exit $rc $(head -30 "$TMP/asan.out")"
fi

# --- hostile text -------------------------------------------------------------
h=$TMP/site-hostile
mkdir -p "$h"
cp -r catalogue "$h/catalogue"
node $SITE_TOOLS/inject.js "$h/catalogue" >"$TMP/inject.out" 2>&1
if ./vcsc site --catalogue "$h/catalogue" -o "$h/site" -q 2>"$TMP/e"; then
	out=$(node $SITE_TOOLS/hostile.js "$h/site" XSS-MARKER 2>&1)
	rc=$?
	missing=
	for type in home overview chapter question requirements objective standard changes; do
		grep -q "^shown-on: $type [1-9]" <<<"$out" || missing="$missing $type"
	done
	# the payloads change between versions: they reach the word diffs
	for m in del ins; do
		grep -q "<$m>&lt;script&gt;window.__pwned=1&lt;/script&gt; XSS-MARKER</$m>" \
			"$h/site/vcsa/1.1/en/changes/1.0.html" || missing="$missing changes-$m"
	done
	if [ $rc -eq 0 ] && [ -z "$missing" ] && grep -q 'longest word [5-9][0-9][0-9][0-9]' <<<"$out"; then
		ok "site hostile text stays inert ($(cat "$TMP/inject.out"); $(head -1 <<<"$out"))"
	else
		bad "site hostile text stays inert" "not shown on:$missing; $out"
	fi
	out=$(node $SITE_TOOLS/linkcheck.js "$h/site" 2>&1)
	[ $? -eq 0 ] && ok "site hostile links" || bad "site hostile links" "$out"
else
	bad "site hostile text stays inert" "the injected catalogue did not build: $(head -20 "$TMP/e")"
fi
# The checkers catch what they are meant to catch.
out=$(node $SITE_TOOLS/hostile.js tests/site/bad x 2>&1)
n=$(grep -c '^  ' <<<"$out")
[ "$n" -ge 9 ] && ok "site hostile checker finds $n planted problems" || bad "site hostile checker self-test" "$out"
out=$(node $SITE_TOOLS/linkcheck.js tests/site/bad 2>&1)
n=$(grep -c '^  ' <<<"$out")
[ "$n" -ge 5 ] && ok "site link checker finds $n planted problems" || bad "site link checker self-test" "$out"
