# The main job: scripts/build-output.sh (make run less the package install
# and the build) on a clean copy of the repository's tracked files (as they
# are in the work tree), with the ./vcsc built here, twice. It checks what
# the job writes, for the bundled catalogue in output/ and for the example
# of sections in output/examples/isa/: the files (tests/golden/
# main-output.txt, the sites' pages aside; UPDATE=1 rewrites it), every PDF
# (qpdf --check), the JSON, the sites' links, the downloads pages listing
# every download of their own site; that nothing is written beside output/
# and no temporary is left; and that a second run over the first one's
# output, with downloads of older versions planted, removes those and
# writes the same bytes.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).

# main_run N: runs the job in the copy; sets rc and ms
main_run() {
	local t0 t1
	t0=$(date +%s%N)
	(cd "$mr" && env -u OUTPUT -u SITE_BASE_URL -u SOURCE_DATE_EPOCH -u VCSC_DATADIR \
		scripts/build-output.sh) >"$mj/out$1" 2>"$mj/err$1"
	rc=$?
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
}

# main_ran N NAME: ok when run N exited 0 and said nothing but notes on
# standard error
main_ran() {
	local noise
	noise=$(grep -v ': note: ' "$mj/err$1")
	if [ $rc -eq 0 ] && [ -z "$noise" ]; then
		ok "$2 ($ms ms)"
		return 0
	fi
	bad "$2" "exit $rc; $(tail -20 "$mj/err$1")"
	return 1
}

# main_files DIR: the files of an output/ folder, less the sites' pages
# (tests/t-site.sh checks those) but with their top level, their downloads
# folder and every downloads page
main_files() {
	(cd "$1" && find . -type f \( \( -not -path './site/*' -not -path './examples/*/site/*' \) \
		-o -regex '\./\(examples/[^/]*/\)?site/\(downloads/\)?[^/]*' -o -name downloads.html \) |
		sed 's#^\./##' | LC_ALL=C sort)
}

# main_manifest: a checksum of every file of the copy outside output/
main_manifest() {
	(cd "$mr" && find . -path ./output -prune -o \( -type f -o -type l \) -print0 |
		LC_ALL=C sort -z | xargs -0 sha1sum)
}

main_job() {
	mj=$TMP/main
	mr=$mj/repo
	rm -rf "$mj" && mkdir -p "$mr"
	if ! command -v git >/dev/null 2>&1 ||
		[ "$(git rev-parse --is-inside-work-tree 2>/dev/null)" != true ]; then
		skip "main job on a clean copy" "not a git work tree (the copy is made of the tracked files)"
		return
	fi
	# set-up: the tracked files (deleted ones left out) and the vcsc built
	# here, copied (vcsc finds templates/ beside its real path)
	if ! git ls-files -z | while IFS= read -r -d '' f; do
		if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
	done | xargs -0 cp -P --parents -t "$mr" 2>"$mj/cp.err" || ! cp -p vcsc "$mr/vcsc" 2>>"$mj/cp.err"; then
		bad "main: copying the tracked files and ./vcsc to a clean folder" "$(head -20 "$mj/cp.err")"
		return
	fi
	[ -e "$mr/output" ] && { bad "main: output/ is tracked" "$(cd "$mr" && ls -A output | head)"; return; }
	main_manifest >"$mj/manifest.before"

	main_run 1
	main_ran 1 "main job runs on a clean copy (exit 0, nothing but notes on stderr)" || return
	local out=$mr/output total_ms=$ms

	# the files written
	main_files "$out" >"$mj/files"
	golden=tests/golden/main-output.txt
	[ -n "${UPDATE:-}" ] && cp "$mj/files" "$golden"
	if diff -u "$golden" "$mj/files" >"$mj/d" 2>&1; then
		ok "main output files: site index, questionnaires, release notes, change logs, JSON, downloads pages ($(wc -l <"$mj/files") files)"
	else
		bad "main output files (tests/golden/main-output.txt; UPDATE=1 rewrites it)" "$(cat "$mj/d")"
	fi
	local n
	n=$(find "$out" -type f | wc -l)
	if grep -qx "output: $n files under output/" "$mj/out1"; then
		ok "main job reports the number of files it wrote ($n)"
	else
		bad "main job reports the number of files it wrote" "$n files; $(tail -1 "$mj/out1")"
	fi

	# every PDF is valid
	local f problems= npdf=0 o isa=$out/examples/isa
	for f in "$out"/downloads/*.pdf "$isa"/downloads/*.pdf; do
		[ -e "$f" ] || continue
		npdf=$((npdf + 1))
		qpdf --check "$f" >"$mj/qpdf" 2>&1 || problems="$problems${f#"$out"/}: $(tail -3 "$mj/qpdf")
"
	done
	if [ $npdf -gt 0 ] && [ -z "$problems" ]; then
		ok "main every PDF passes qpdf --check ($npdf)"
	else
		bad "main every PDF passes qpdf --check ($npdf PDFs)" "$problems"
	fi

	# the audit reports (vcsc report) are confidential: one per example
	# audit in audits/AUDIT-ID/, and none reaches the site or a downloads
	# folder, by name, by content or by its audit id
	local nrep=0 ids= leaked= published
	published=$(find "$out" \( -path "$out/audits" -prune \) -o -type f \
		\( -path '*/site/*' -o -path '*/downloads/*' \) -print0 | xargs -0 sha1sum)
	for f in "$out"/audits/*/report.pdf; do
		[ -e "$f" ] || continue
		nrep=$((nrep + 1))
		ids="$ids -e $(basename "$(dirname "$f")")"
		grep -q "^$(sha1sum <"$f" | cut -c1-40) " <<<"$published" &&
			leaked="$leaked ${f#"$out"/}(content)"
	done
	leaked="$leaked $(find "$out" -path "$out/audits" -prune -o -iname '*report*.pdf' -print)"
	# shellcheck disable=SC2086
	[ -n "$ids" ] && leaked="$leaked $(grep -rlF $ids "$out"/site "$out"/downloads "$isa"/site "$isa"/downloads 2>/dev/null)"
	leaked=$(echo $leaked)
	if [ $nrep -eq "$(ls examples/audits/*.yaml 2>/dev/null | wc -l)" ] && [ $nrep -gt 0 ] && [ -z "$leaked" ]; then
		ok "main audit reports in audits/ ($nrep), none on the site or in downloads/"
	else
		bad "main audit reports in audits/, none on the site or in downloads/" "$nrep reports; leaked: $leaked"
	fi

	# the JSON: valid, and the catalogue downloads equal the export
	problems=
	for o in "$out" "$isa"; do
		for f in "$o"/json/*.json "$o"/diff/*.json "$o"/downloads/*.json; do
			[ -e "$f" ] || continue
			jq -e . "$f" >/dev/null 2>&1 || problems="$problems ${f#"$out"/}(invalid)"
		done
		for f in "$o"/json/*.json; do
			cmp -s "$f" "$o/downloads/$(basename "$f" .json)-catalogue.json" ||
				problems="$problems ${f#"$out"/}(download differs)"
		done
	done
	[ -z "$problems" ] && ok "main JSON valid; downloads/*-catalogue.json equal json/" ||
		bad "main JSON valid; downloads/*-catalogue.json equal json/" "$problems"

	# the websites: their links, their copy of downloads/, the downloads
	# pages (each site offers the files of its own downloads/)
	local lc lc2 what page npages name
	for o in "$out" "$isa"; do
		what=${o#"$out"}
		what=${what#/}
		what=${what:+$what: }
		lc=$(node tests/site/linkcheck.js "$o/site" 2>&1)
		if [ $? -eq 0 ] && grep -q ' [1-9][0-9]* sitemap entries' <<<"$lc" &&
			lc2=$(node tests/site/linkcheck.js "$o/diff" 2>&1); then
			ok "main ${what}site and change log links ($lc)"
		else
			bad "main ${what}site and change log links" "$lc ${lc2:-}"
		fi
		if diff -r "$o/downloads" "$o/site/downloads" >"$mj/d" 2>&1; then
			ok "main ${what}site/downloads/ is downloads/"
		else
			bad "main ${what}site/downloads/ is downloads/" "$(cat "$mj/d")"
		fi
		npages=0
		problems=
		for page in "$o"/site/*/*/*/downloads.html; do
			case $page in */latest/*) continue ;; esac # redirects
			npages=$((npages + 1))
			for f in "$o"/downloads/*; do
				name=$(basename "$f")
				grep -qF "href=\"../../../downloads/$name\"" "$page" ||
					problems="$problems ${page#"$o"/site/} lacks $name;"
			done
		done
		if [ $npages -gt 0 ] && [ -z "$problems" ]; then
			ok "main ${what}every downloads page lists every download ($npages pages, $(ls "$o/downloads" | wc -l) files)"
		else
			bad "main ${what}every downloads page lists every download ($npages pages)" "$problems"
		fi
	done

	# a second run over the first one's output, with what older versions
	# left in downloads/ (and so on the site): those go, the rest is the
	# same bytes
	cp -a "$out" "$mj/first"
	local stale="downloads/vcsa-1.0-questionnaire-all-en.pdf downloads/vcsa-0.9-1.0-release-notes-de.pdf
		downloads/vcsa-0.9-catalogue.json examples/isa/downloads/isa-1.0-questionnaire-high-de.pdf"
	for f in $stale; do echo stale >"$out/$f"; done
	main_run 2
	total_ms=$((total_ms + ms))
	if main_ran 2 "main job runs again over its output"; then
		left=
		for f in $stale; do
			[ -e "$out/$f" ] && left="$left $f"
			[ -e "$out/${f%downloads/*}site/downloads/${f##*/}" ] && left="$left ${f%downloads/*}site/downloads/${f##*/}"
		done
		[ -z "$left" ] && ok "main second run removes old downloads (4 planted, one of the example)" ||
			bad "main second run removes old downloads" "left:$left"
		if diff -rq "$mj/first" "$out" >"$mj/d" 2>&1; then
			ok "main second run writes the same bytes ($(find "$out" -type f | wc -l) files; both runs $total_ms ms)"
		else
			bad "main second run writes the same bytes" "$(head -20 "$mj/d")"
		fi
	fi

	# nothing beside output/, nothing temporary anywhere
	main_manifest >"$mj/manifest.after"
	if diff "$mj/manifest.before" "$mj/manifest.after" >"$mj/d" 2>&1; then
		ok "main job changes nothing beside output/"
	else
		bad "main job changes nothing beside output/" "$(head -20 "$mj/d")"
	fi
	left=$(cd "$mr" && find . \( -name '*.tmp.*' -o -name '.*.tmp-*' \) -print | head -20)
	[ -z "$left" ] && ok "main job leaves no temporary files" || bad "main job leaves no temporary files" "$left"
}

main_job
