#!/bin/sh
# make bench: two synthetic catalogues of 10,000 requirements each
# (tests/bench/gencat.c, written under build/bench), then the time of
# `vcsc diff` between them (text, JSON, the HTML change-log page, the PDF
# release notes), median of five runs, and of the bundled release notes;
# loading alone
# (`vcsc check` of both versions) for comparison.
set -eu
cd "$(dirname "$0")/../.."
dir=build/bench
rm -rf "$dir"
build/gencat "$dir"
./vcsc check -q "$dir/vcsa/1.0" "$dir/vcsa/2.0"
reqs=$(./vcsc check "$dir/vcsa/1.0" "$dir/vcsa/2.0" | sed -n 's/.* \([0-9]*\) requirements.*/\1/p' | tr '\n' ' ')

# median of five wall-clock runs of a command, in seconds
median5() {
	for i in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
		e=$(date +%s.%N)
		awk "BEGIN { print $e - $s }"
	done | sort -n | sed -n 3p
}

./vcsc diff "$dir/vcsa/1.0" "$dir/vcsa/2.0" >"$dir/diff.txt" || true
./vcsc diff "$dir/vcsa/1.0" "$dir/vcsa/2.0" --format json >"$dir/diff.json" || true
summary=$(sed -n '3,4p' "$dir/diff.txt" | tr -s ' \n' ' ')
d_text=$(median5 ./vcsc diff "$dir/vcsa/1.0" "$dir/vcsa/2.0")
d_json=$(median5 ./vcsc diff "$dir/vcsa/1.0" "$dir/vcsa/2.0" --format json)
d_html=$(median5 ./vcsc diff "$dir/vcsa/1.0" "$dir/vcsa/2.0" --format html -o "$dir/diff.html")
d_pdf=$(median5 ./vcsc diff "$dir/vcsa/1.0" "$dir/vcsa/2.0" --format pdf -o "$dir/diff.pdf")
b_pdf=$(median5 ./vcsc diff vcsa/1.0 vcsa/1.1 --format pdf -o "$dir/notes.pdf")
load=$(median5 ./vcsc check -q "$dir/vcsa/1.0" "$dir/vcsa/2.0")
printf 'requirements per version: %s\n' "$reqs"
printf '%s\n' "$summary"
printf 'vcsc diff (text), median of 5: %.3f s\n' "$d_text"
printf 'vcsc diff --format json, median of 5: %.3f s\n' "$d_json"
printf 'vcsc diff --format html (the change-log page), median of 5: %.3f s, %s bytes\n' "$d_html" "$(wc -c <"$dir/diff.html")"
printf 'vcsc diff --format pdf (release notes), median of 5: %.3f s, %s pages, %s bytes\n' "$d_pdf" \
	"$(pdfinfo "$dir/diff.pdf" | sed -n 's/^Pages: *//p')" "$(wc -c <"$dir/diff.pdf")"
printf 'bundled release notes vcsa 1.0 -> 1.1 (pdf, en), median of 5: %.3f s, %s pages, %s bytes\n' "$b_pdf" \
	"$(pdfinfo "$dir/notes.pdf" | sed -n 's/^Pages: *//p')" "$(wc -c <"$dir/notes.pdf")"
printf 'vcsc check of both (loading only), median of 5: %.3f s\n' "$load"

# Hostile but valid texts that once made the layout quadratic: one word of
# 1,000,000 and of 3,900,000 characters, 60,000 hard line breaks, a table
# cell of 80,000 words. Each is the English must of a new requirement of a
# copy of the mini fixture (German marked partial, so that it is there
# once), laid out by the questionnaire of the new version and by the
# release notes since the old one; median of three runs each.
hostile() { # name: writes $dir/hostile-NAME/vcsa/{1.0,1.1}
	local h=$dir/hostile-$1 v
	rm -rf "$h"
	mkdir -p "$h/vcsa"
	cp tests/fixtures/mini/scheme.yaml "$h/"
	cp -r tests/fixtures/mini/vcsa/1.0 "$h/vcsa/"
	sed -i '/- id: de/{n;s/complete/partial/}' "$h/vcsa/1.0/version.yaml"
	cp -r "$h/vcsa/1.0" "$h/vcsa/1.1"
	sed -i 's/^version: "1.0"/version: "1.1"/; s/^released: .*/released: 2025-06-15\npredecessor: "1.0"/' \
		"$h/vcsa/1.1/version.yaml"
	awk -v kind="$1" 'BEGIN {
		print "      - letter: d"
		print "        uid: mini-policy-hostile"
		if (kind == "word1m" || kind == "word3900k") {
			n = kind == "word1m" ? 1000000 : 3900000
			printf "        must: "
			for (i = 0; i < n; i++) printf "a"
			print ""
		} else if (kind == "breaks") {
			print "        must: |"
			for (i = 0; i < 60000; i++) print "          a\\"
			print "          a"
		} else {
			print "        must: |"
			print "          | A | B |"
			print "          |---|---|"
			printf "          |"
			for (i = 0; i < 80000; i++) printf " w%d", i
			print " | b |"
		}
	}' >"$h/payload.yaml"
	awk -v f="$h/payload.yaml" '/^  - number: "1.2"$/ {
		while ((getline l < f) > 0) print l } { print }' \
		tests/fixtures/mini/vcsa/1.0/01-org.yaml >"$h/vcsa/1.1/01-org.yaml"
}
median3() {
	for i in 1 2 3; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
		e=$(date +%s.%N)
		awk "BEGIN { print $e - $s }"
	done | sort -n | sed -n 2p
}
for name in word1m word3900k breaks cell80k; do
	hostile "$name"
	h=$dir/hostile-$name
	q=$(median3 ./vcsc questionnaire --catalogue "$h" "$h/vcsa/1.1" -o "$h/q.pdf")
	n=$(median3 ./vcsc diff --catalogue "$h" "$h/vcsa/1.0" "$h/vcsa/1.1" --format pdf -o "$h/notes.pdf")
	printf 'hostile %s (%s bytes): questionnaire %.3f s, %s pages; release notes %.3f s, %s pages (median of 3)\n' \
		"$name" "$(wc -c <"$h/vcsa/1.1/01-org.yaml")" "$q" "$(pdfinfo "$h/q.pdf" | sed -n 's/^Pages: *//p')" \
		"$n" "$(pdfinfo "$h/notes.pdf" | sed -n 's/^Pages: *//p')"
done
