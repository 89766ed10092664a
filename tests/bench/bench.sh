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
