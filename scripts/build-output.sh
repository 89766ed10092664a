#!/bin/sh
# The main job (make run): compile the bundled catalogue into output/, and
# the example catalogue root examples/isa (shaped like the VDA ISA:
# chapters of sections) into output/examples/isa/, laid out alike.
set -eu
cd "$(dirname "$0")/.."
out=${OUTPUT:-output}

# build ROOT OUT BASE-URL [ID-PREFIX]: everything vcsc publishes for the
# catalogue root ROOT, written to OUT (json/, downloads/, diff/, site/).
# ID-PREFIX is how vcsc is told a version of ROOT: the bundled root's
# versions go by their ids (vcsa/1.1), any other by their folder.
build() {
	root=$1 dest=$2 base=$3 prefix=${4-}
	mkdir -p "$dest/json" "$dest/downloads"

	./vcsc check "$root"

	# downloads/ may also hold files put there by hand (the site links them
	# all): remove only what this job writes, so that nothing stale stays.
	rm -f "$dest"/downloads/*-questionnaire-*.pdf \
		"$dest"/downloads/*-release-notes-*.pdf "$dest"/downloads/*-catalogue.json

	# The catalogue as JSON, for tools (and offered on the downloads page).
	for dir in "$root"/*/*/; do
		[ -f "$dir/version.yaml" ] || continue
		dir=${dir%/}
		ver=$(basename "$dir")
		cat=$(basename "$(dirname "$dir")")
		./vcsc export "$dir" --format json -o "$dest/json/$cat-$ver.json"
		cp "$dest/json/$cat-$ver.json" "$dest/downloads/$cat-$ver-catalogue.json"
	done

	# Printable self-assessment questionnaires of the newest released version
	# of each catalogue: one per audit objective and one for all, in every
	# language the version carries completely. Versions, status and languages
	# come from vcsc's own summary lines ("vcsa/1.1: ...; languages en de").
	mkdir -p "$dest/downloads"
	objectives=$(awk '/^objectives:/ { on = 1; next } /^[^ #]/ { on = 0 }
		on && /^  - id: / { print $3 }' "$root/scheme.yaml")
	summary=$(./vcsc check "$root" 2>/dev/null)
	for cdir in "$root"/*/; do
		cat=$(basename "$cdir")
		line=$(printf '%s\n' "$summary" | grep "^$cat/" | grep -v '; draft$' |
			sort -t/ -k2 -V | tail -n 1)
		[ -n "$line" ] || continue
		ver=${line%%:*}
		ver=${ver#*/}
		langs=$(printf '%s\n' "$line" | sed -n 's/.*; languages* \(.*\)$/\1/p' |
			sed 's/ [a-z]* (partial)//g; s/^[a-z]* (partial) *//')
		for lang in $langs; do
			./vcsc questionnaire "$prefix$cat/$ver" --lang "$lang" \
				-o "$dest/downloads/$cat-$ver-questionnaire-all-$lang.pdf"
			for obj in $objectives; do
				./vcsc questionnaire "$prefix$cat/$ver" --lang "$lang" --objective "$obj" \
					-o "$dest/downloads/$cat-$ver-questionnaire-$obj-$lang.pdf"
			done
		done
	done

	# The change log of each version against its predecessor (text, JSON,
	# HTML), and its printable release notes in downloads/ in each language of
	# the newer version that the release-notes texts offer (en, de).
	mkdir -p "$dest/diff"
	for dir in "$root"/*/*/; do
		[ -f "$dir/version.yaml" ] || continue
		dir=${dir%/}
		ver=$(basename "$dir")
		cat=$(basename "$(dirname "$dir")")
		pred=$(sed -n 's/^predecessor: *["'"'"']\{0,1\}\([^"'"'"' #]*\).*/\1/p' "$dir/version.yaml")
		[ -n "$pred" ] && [ -d "$root/$cat/$pred" ] || continue
		./vcsc diff "$root/$cat/$pred" "$dir" -o "$dest/diff/$cat-$pred-$ver.txt"
		./vcsc diff "$root/$cat/$pred" "$dir" --format json \
			-o "$dest/diff/$cat-$pred-$ver.json"
		./vcsc diff "$root/$cat/$pred" "$dir" --format html \
			-o "$dest/diff/$cat-$pred-$ver.html"
		for lang in $(sed -n 's/^ *- id: *\([a-z-]*\).*/\1/p' "$dir/version.yaml"); do
			case $lang in en | de) ;; *) continue ;; esac
			./vcsc diff "$root/$cat/$pred" "$dir" --format pdf --lang "$lang" \
				-o "$dest/downloads/$cat-$pred-$ver-release-notes-$lang.pdf"
		done
	done

	# The website, from every version; it links the files already in
	# $dest/downloads/ (PDFs written above by the document steps).
	./vcsc site --catalogue "$root" -o "$dest/site" --base-url "$base"
}

# SITE_BASE_URL is the address the site will be served from: sitemap.xml
# needs absolute addresses, and the 404 page uses it to find its assets from
# any depth. The default is a placeholder in the documentation domain;
# deployments set the real one (SITE_BASE_URL=https://... make run). The
# example's site is taken to be served below it, at examples/isa/.
base=${SITE_BASE_URL:-https://vcs-criteria.example.org}

# Label certificates (issue 15): one for each example audit under
# examples/audits/ that earns a label, in output/audits/AUDIT-ID/ (never
# in the published downloads), signed with $VCSC_SIGNING_KEY, else the
# demo key (whose certificates say they prove nothing). A certificate is
# marked superseded in the signed status file output/audits/status.txt
# when a later audit of the same scope earns a label; the site publishes
# that file (VCSC_STATUS) and the public keys (VCSC_PUBLIC_KEYS).
certificates() {
	key=${VCSC_SIGNING_KEY:-examples/keys/demo-TEST-ONLY.key}
	status=$out/audits/status.txt
	mkdir -p "$out/audits"
	rm -f "$status" "$out"/audits/*/certificate.pdf
	list=$out/audits/.certificates
	: >"$list"
	for f in examples/audits/*.yaml; do
		[ -f "$f" ] || continue
		id=$(sed -n 's/^audit: *["'"'"']\{0,1\}\([^"'"'"' #]*\).*/\1/p' "$f" | head -n 1)
		mkdir -p "$out/audits/$id"
		# status 1: the audit earns no label, so it has no certificate
		rc=0
		./vcsc certificate "$f" --key "$key" --base-url "$base" \
			-o "$out/audits/$id/certificate.pdf" 2>"$out/audits/.err" || rc=$?
		if [ $rc -eq 1 ] && grep -q 'earns no label' "$out/audits/.err"; then
			rmdir "$out/audits/$id" 2>/dev/null || true
			continue
		fi
		[ $rc -eq 0 ] || { cat "$out/audits/.err" >&2; exit 1; }
		# scope and issue date, as the certificate states them
		facts=$(./vcsc verify "$out/audits/$id/certificate.pdf" \
			--public-key "${key%.key}.pub" || true)
		scope=$(printf '%s\n' "$facts" | sed -n 's/^scope: *\([^ ]*\).*/\1/p')
		issued=$(printf '%s\n' "$facts" | sed -n 's/^issued: *//p')
		printf '%s %s %s\n' "$scope" "$issued" "$id" >>"$list"
	done
	rm -f "$out/audits/.err"
	# within a scope, in order of issue: each superseded by the next
	sort "$list" | awk '$1 == s { print prev, $3 } { s = $1; prev = $3 }' |
		while read -r old new; do
			./vcsc supersede "$out/audits/$old/certificate.pdf" \
				"$out/audits/$new/certificate.pdf" --key "$key" --status "$status" >/dev/null
		done
	rm -f "$list"
	if [ -f "$status" ]; then export VCSC_STATUS=$status; fi
	[ -n "${VCSC_PUBLIC_KEYS-}" ] || export VCSC_PUBLIC_KEYS="${key%.key}.pub"
}
certificates

build catalogue "$out" "$base" ""
build examples/isa "$out/examples/isa" "$base/examples/isa" examples/isa/

# The audit report of each example audit (vcsc report): confidential, so
# written to output/audits/AUDIT-ID/report.pdf, never into a downloads/
# folder, whose files the site publishes.
for f in examples/audits/*.yaml; do
	[ -f "$f" ] || continue
	id=$(sed -n 's/^audit: *["'"'"']\{0,1\}\([^"'"'"' #]*\).*/\1/p' "$f" | head -n 1)
	[ -n "$id" ] || continue
	mkdir -p "$out/audits/$id"
	./vcsc report "$f" -o "$out/audits/$id/report.pdf"
done

echo "output: $(find "$out" -type f | wc -l) files under $out/"
