#!/bin/sh
# The main job (make run): compile the bundled catalogue into output/.
set -eu
cd "$(dirname "$0")/.."
out=${OUTPUT:-output}
mkdir -p "$out/json" "$out/downloads"

./vcsc check catalogue

# downloads/ may also hold files put there by hand (the site links them
# all): remove only what this job writes, so that nothing stale stays.
rm -f "$out"/downloads/*-questionnaire-*.pdf \
	"$out"/downloads/*-release-notes-*.pdf "$out"/downloads/*-catalogue.json

# The catalogue as JSON, for tools (and offered on the downloads page).
for dir in catalogue/*/*/; do
	[ -f "$dir/version.yaml" ] || continue
	dir=${dir%/}
	ver=$(basename "$dir")
	cat=$(basename "$(dirname "$dir")")
	./vcsc export "$dir" --format json -o "$out/json/$cat-$ver.json"
	cp "$out/json/$cat-$ver.json" "$out/downloads/$cat-$ver-catalogue.json"
done

# Printable self-assessment questionnaires of the newest released version
# of each catalogue: one per audit objective and one for all, in every
# language the version carries completely. Versions, status and languages
# come from vcsc's own summary lines ("vcsa/1.1: ...; languages en de").
mkdir -p "$out/downloads"
objectives=$(awk '/^objectives:/ { on = 1; next } /^[^ #]/ { on = 0 }
	on && /^  - id: / { print $3 }' catalogue/scheme.yaml)
summary=$(./vcsc check catalogue 2>/dev/null)
for cdir in catalogue/*/; do
	cat=$(basename "$cdir")
	line=$(printf '%s\n' "$summary" | grep "^$cat/" | grep -v '; draft$' |
		sort -t/ -k2 -V | tail -n 1)
	[ -n "$line" ] || continue
	ver=${line%%:*}
	ver=${ver#*/}
	langs=$(printf '%s\n' "$line" | sed -n 's/.*; languages* \(.*\)$/\1/p' |
		sed 's/ [a-z]* (partial)//g; s/^[a-z]* (partial) *//')
	for lang in $langs; do
		./vcsc questionnaire "$cat/$ver" --lang "$lang" \
			-o "$out/downloads/$cat-$ver-questionnaire-all-$lang.pdf"
		for obj in $objectives; do
			./vcsc questionnaire "$cat/$ver" --lang "$lang" --objective "$obj" \
				-o "$out/downloads/$cat-$ver-questionnaire-$obj-$lang.pdf"
		done
	done
done

# The change log of each version against its predecessor (text, JSON,
# HTML), and its printable release notes in downloads/ in each language of
# the newer version that the release-notes texts offer (en, de).
mkdir -p "$out/diff"
for dir in catalogue/*/*/; do
	[ -f "$dir/version.yaml" ] || continue
	dir=${dir%/}
	ver=$(basename "$dir")
	cat=$(basename "$(dirname "$dir")")
	pred=$(sed -n 's/^predecessor: *["'"'"']\{0,1\}\([^"'"'"' #]*\).*/\1/p' "$dir/version.yaml")
	[ -n "$pred" ] && [ -d "catalogue/$cat/$pred" ] || continue
	./vcsc diff "catalogue/$cat/$pred" "$dir" -o "$out/diff/$cat-$pred-$ver.txt"
	./vcsc diff "catalogue/$cat/$pred" "$dir" --format json \
		-o "$out/diff/$cat-$pred-$ver.json"
	./vcsc diff "catalogue/$cat/$pred" "$dir" --format html \
		-o "$out/diff/$cat-$pred-$ver.html"
	for lang in $(sed -n 's/^ *- id: *\([a-z-]*\).*/\1/p' "$dir/version.yaml"); do
		case $lang in en | de) ;; *) continue ;; esac
		./vcsc diff "catalogue/$cat/$pred" "$dir" --format pdf --lang "$lang" \
			-o "$out/downloads/$cat-$pred-$ver-release-notes-$lang.pdf"
	done
done

# The website, from every version; it links the files already in
# $out/downloads/ (PDFs written above by the document steps).
# SITE_BASE_URL is the address the site will be served from: sitemap.xml
# needs absolute addresses, and the 404 page uses it to find its assets from
# any depth. The default is a placeholder in the documentation domain;
# deployments set the real one (SITE_BASE_URL=https://... make run).
./vcsc site -o "$out/site" --base-url "${SITE_BASE_URL:-https://vcs-criteria.example.org}"

echo "output: $(find "$out" -type f | wc -l) files under $out/"
