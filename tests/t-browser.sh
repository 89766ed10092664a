# The website's search, objective filter and accessibility (issue 4): the
# search indexes of the bundled, mini, published, sections (examples/isa)
# and hostile sites, html-validate over every page, and
# tests/browser/browser.js in headless Debian Chromium driven by
# playwright-core (one launch, many pages).
# Sourced by tests/run.sh (uses ok, bad, $TMP).
#
# Installs the npm packages pinned in tests/browser/package-lock.json
# (npm ci) when node_modules is missing or was installed from another
# lock file; Chromium comes from Debian (scripts/deps.sh test), never
# from a download. Screenshots and the browser log for review go to
# output/screenshots/.

BT=tests/browser
SHOTS=${SHOTS:-output/screenshots}
browser_setup() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		bad "browser: node and npm are missing (scripts/deps.sh test installs them)"
		return 1
	fi
	if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
		bad "browser: ${CHROMIUM:-/usr/bin/chromium} is missing (scripts/deps.sh test installs chromium)"
		return 1
	fi
	local stamp=$BT/node_modules/.vcsc-package-lock.json
	if ! cmp -s "$BT/package-lock.json" "$stamp" 2>/dev/null; then
		if (cd "$BT" && npm ci --no-audit --no-fund --loglevel=error) >"$TMP/npm.out" 2>&1; then
			# set-up, not a test: a failure fails, success is not counted
			cp "$BT/package-lock.json" "$stamp"
		else
			bad "browser: npm ci in tests/browser failed" "$(tail -20 "$TMP/npm.out")"
			return 1
		fi
	fi
	return 0
}

if browser_setup; then
	bw=$TMP/browser
	mkdir -p "$bw/hostile" "$SHOTS"
	t_build=$(date +%s%N)
	./vcsc site -o "$bw/site" -q 2>"$TMP/bw.err" || bad "browser: bundled site" "$(cat "$TMP/bw.err")"
	./vcsc site --catalogue tests/fixtures/mini -o "$bw/mini" -q 2>"$TMP/bw.err" || bad "browser: mini site" "$(cat "$TMP/bw.err")"
	./vcsc site --catalogue tests/fixtures/published -o "$bw/published" -q 2>"$TMP/bw.err" ||
		bad "browser: published site" "$(cat "$TMP/bw.err")"
	# sections: the example shaped like the VDA ISA, and a variant of it
	# with a section that the objective filter hides whole
	./vcsc site --catalogue examples/isa -o "$bw/isa" -q 2>"$TMP/bw.err" ||
		bad "browser: examples/isa site" "$(cat "$TMP/bw.err")"
	{ tests/site/isa-variant.sh "$bw/isa-variant/catalogue" &&
		./vcsc site --catalogue "$bw/isa-variant/catalogue" -o "$bw/isa-variant/site" -q; } 2>"$TMP/bw.err" ||
		bad "browser: variant of examples/isa (tests/site/isa-variant.sh)" "$(cat "$TMP/bw.err")"
	cp -r catalogue "$bw/hostile/catalogue"
	node tests/site/inject.js "$bw/hostile/catalogue" >"$TMP/bw.err" 2>&1 ||
		bad "browser: tests/site/inject.js (the hostile catalogue)" "$(cat "$TMP/bw.err")"
	./vcsc site --catalogue "$bw/hostile/catalogue" -o "$bw/hostile/site" -q 2>"$TMP/bw.err" ||
		bad "browser: hostile site" "$(head -20 "$TMP/bw.err")"

	# html-validate runs beside the browser (worker threads)
	(
		node $BT/validate.js "$bw/site" "$bw/mini" "$bw/published" "$bw/isa" >"$TMP/validate.out" 2>&1
		echo $? >"$TMP/validate.rc"
		node $BT/validate.js --hostile "$bw/hostile/site" >"$TMP/validate-hostile.out" 2>&1
		echo $? >"$TMP/validate-hostile.rc"
	) &
	v_pid=$!

	# the search indexes: complete, inert, within 200 KB for the bundled catalogue
	out=$(node $BT/indexcheck.js "$bw/site" 200000 2>&1)
	if [ $? -eq 0 ]; then
		ok "browser search index of the bundled catalogue ($(grep '^index:' <<<"$out" | sed 's/^index: //' | cut -d, -f1 | paste -sd';' -))"
	else
		bad "browser search index of the bundled catalogue" "$out"
	fi
	for s in mini published isa hostile/site; do
		out=$(node $BT/indexcheck.js "$bw/$s" 2>&1)
		[ $? -eq 0 ] && ok "browser search index of the $s site" || bad "browser search index of the $s site" "$out"
	done

	# the browser
	t0=$(date +%s%N)
	node $BT/browser.js "$bw/site" "$bw/hostile/site" "$SHOTS" "$bw/published" "$bw/isa" "$bw/isa-variant/site" \
		>"$TMP/browser.out" 2>&1
	rc=$?
	t1=$(date +%s%N)
	cp "$TMP/browser.out" "$SHOTS/browser.log" 2>/dev/null
	info=
	while IFS= read -r line; do
		case $line in
		"PASS "*) ok "browser ${line#PASS }" ;;
		"FAIL "*) bad "browser ${line#FAIL }" "$(grep -v '^PASS' "$TMP/browser.out" | head -30)" ;;
		"  "*) info="$info; ${line#  }" ;;
		esac
	done <"$TMP/browser.out"
	if ! grep -q '^browser: ' "$TMP/browser.out"; then
		bad "browser: browser.js did not finish (exit $rc)" "$(tail -30 "$TMP/browser.out")"
	elif [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$TMP/browser.out"; then
		bad "browser: browser.js exit status $rc without a FAIL line" "$(tail -30 "$TMP/browser.out")"
	else
		ok "browser run ($(grep '^browser: ' "$TMP/browser.out" | sed 's/^browser: //'); $(( (t1 - t0) / 1000000 )) ms wall$info)"
	fi

	wait $v_pid
	rc=$(cat "$TMP/validate.rc" 2>/dev/null || echo 1)
	out=$(cat "$TMP/validate.out")
	[ $rc -eq 0 ] && ok "browser html-validate, every page of the bundled, mini, published and sections (examples/isa) sites ($(grep '^validate:' <<<"$out" | sed 's/^validate: //' | paste -sd';' -))" ||
		bad "browser html-validate, every page of the bundled, mini, published and sections (examples/isa) sites" "$out"
	rc=$(cat "$TMP/validate-hostile.rc" 2>/dev/null || echo 1)
	out=$(cat "$TMP/validate-hostile.out")
	[ $rc -eq 0 ] && ok "browser html-validate, content pages of the hostile site ($(sed -n 's/^validate: //p' <<<"$out"))" ||
		bad "browser html-validate, content pages of the hostile site" "$out"
	# the validator finds planted errors
	out=$(node $BT/validate.js tests/site/bad 2>&1)
	n=$(grep -c '^  ' <<<"$out")
	[ "$n" -ge 4 ] && ok "browser html-validate finds $n planted errors" || bad "browser html-validate self-test" "$out"
fi
