# The working group's release workflow, scripted on copies of the bundled
# catalogue: an editing run (new-version, edits with change notes, a new
# question, --fix-ids, a withdrawal written by hand, the summary) that
# checks clean, releases and diffs as exactly its edits; a second run that
# deletes a question instead of withdrawing it, which release refuses
# without changing a byte. Both run with ./vcsc and, where it is built,
# the sanitizer build.
# Sourced by tests/run.sh (uses ok, bad, skip, have_asan, $TMP).

# rel_edit DIR: the edits of the first run, in the copy's 1.2
rel_edit() {
	local v=$1/vcsa/1.2 n
	# the German title of 2.2 catches up with the English one
	sed -i 's/^      de: Cybersecurity-Kultur$/      de: Cybersecurity-Kultur und Sensibilisierung\
    change_note:\
      en: The German title now also names awareness, as the English one does.\
      de: Der deutsche Titel nennt nun auch die Sensibilisierung, wie der englische./' "$v/02-people.yaml"
	# incident exercises become a must
	sed -i '/^        uid: ops-incident-exercises$/{n;s/^        should:$/        must:/}' "$v/07-operations.yaml"
	sed -i 's/^        uid: ops-incident-exercises$/&\
        change_note:\
          en: Raised from should to must, because untested plans fail when they are needed.\
          de: Von Soll zu Muss angehoben, weil ungeübte Pläne im Ernstfall versagen./' "$v/07-operations.yaml"
	# a new question, without uids
	cat >>"$v/07-operations.yaml" <<'EOF'
  - number: "7.5"
    title:
      en: Security event logging
      de: Protokollierung von Sicherheitsereignissen
    question:
      en: To what extent are security events of vehicles and backends logged?
      de: Inwieweit werden Sicherheitsereignisse von Fahrzeugen und Backends protokolliert?
    objective:
      en: Attacks can be traced afterwards.
      de: Angriffe lassen sich im Nachhinein nachvollziehen.
    applies_to: [operations]
    requirements:
      - letter: a
        must:
          en: Security events are logged and the logs are kept for a set time.
          de: Sicherheitsereignisse werden protokolliert und die Protokolle für eine festgelegte Zeit aufbewahrt.
    change_note:
      en: New question, because incidents cannot be analysed without logs.
      de: Neue Frage, weil sich Vorfälle ohne Protokolle nicht analysieren lassen.
EOF
	# 9.3 withdrawn by hand: the placeholder takes its place
	n=$(grep -n '^  - number: "9.3"$' "$v/09-improvement.yaml" | cut -d: -f1)
	head -n $((n - 1)) "$v/09-improvement.yaml" >"$v/09.tmp"
	cat >>"$v/09.tmp" <<'EOF'
  - number: "9.3"
    uid: ci-compliance
    withdrawn: true
    title:
      en: Legal and regulatory requirements
      de: Rechtliche und regulatorische Anforderungen
    successor: ci-review
    change_note:
      en: Withdrawn; the management review now covers legal and regulatory requirements.
      de: Zurückgezogen; die Managementbewertung deckt nun rechtliche und regulatorische Anforderungen ab.
EOF
	mv "$v/09.tmp" "$v/09-improvement.yaml"
}

# rel_summary DIR: a summary for the copy's 1.2
rel_summary() {
	cat >>"$1/vcsa/1.2/version.yaml" <<'EOF'
summary:
  en: Adds a question on security event logging, makes incident exercises a must and withdraws the question on legal requirements.
  de: Ergänzt eine Frage zur Protokollierung von Sicherheitsereignissen, macht Übungen zur Vorfallsbehandlung zur Pflicht und zieht die Frage zu rechtlichen Anforderungen zurück.
EOF
}

# rel_clean FILE: no error or warning in the output of a check
rel_clean() { ! grep -q ': \(error\|warning\):\|[0-9] warnings\?$' "$1"; }

# rel_run TAG VCSC: the two runs with the vcsc given
rel_run() {
	local tag=$1 vcsc=$2 r=$TMP/release-$1 c rc got
	rm -rf "$r" && mkdir -p "$r"
	c=$r/cat
	cp -r catalogue "$c"
	if ! "$vcsc" new-version "$c/vcsa/1.1" 1.2 >"$r/nv.out" 2>&1; then
		bad "release $tag: new-version" "$(cat "$r/nv.out")"
		return
	fi
	rel_edit "$c"
	"$vcsc" check --fix-ids "$c/vcsa/1.2" >"$r/fix.out" 2>&1
	if grep -q "added uid 'ops-security-event-logging' to question 7.5" "$r/fix.out" &&
		grep -q "added uid 'ops-security-event-logging-security-events' to requirement 7.5.a" "$r/fix.out"; then
		ok "release $tag: --fix-ids gives the new question the chapter's ops- prefix"
	else
		bad "release $tag: --fix-ids gives the new question the chapter's ops- prefix" "$(grep -v '^ ' "$r/fix.out")"
	fi
	# still a draft without a summary: the check is clean, release is not
	"$vcsc" check "$c/vcsa/1.2" >"$r/check1.out" 2>&1
	rc=$?
	cp "$c/vcsa/1.2/version.yaml" "$r/version.before"
	"$vcsc" release "$c/vcsa/1.2" --date 2026-12-01 >"$r/nosum.out" 2>&1
	if [ $rc -eq 0 ] && rel_clean "$r/check1.out" &&
		[ $? -eq 0 ] && grep -q 'is to be released but has no summary' "$r/nosum.out" &&
		cmp -s "$r/version.before" "$c/vcsa/1.2/version.yaml"; then
		ok "release $tag: the edited draft checks clean; release wants its summary first"
	else
		bad "release $tag: the edited draft checks clean; release wants its summary first" "$(cat "$r/check1.out" "$r/nosum.out")"
	fi
	rel_summary "$c"
	cp "$c/vcsa/1.2/version.yaml" "$r/version.before"
	"$vcsc" release "$c/vcsa/1.2" --date 2026-12-01 >"$r/release.out" 2>&1
	rc=$?
	diff "$r/version.before" "$c/vcsa/1.2/version.yaml" >"$r/version.diff"
	if [ $rc -eq 0 ] && grep -qx "$c/vcsa/1.2: released vcsa/1.2 on 2026-12-01" "$r/release.out" &&
		[ "$(grep '^[<>]' "$r/version.diff")" = "< status: draft
> status: released
> released: 2026-12-01" ]; then
		ok "release $tag: release sets status and date in place, nothing else"
	else
		bad "release $tag: release sets status and date in place, nothing else" "exit $rc $(cat "$r/release.out" "$r/version.diff")"
	fi
	"$vcsc" check "$c" >"$r/check2.out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && rel_clean "$r/check2.out" && grep -qx 'vcsa/1.2: 9 chapters, 31 questions (+2 withdrawn), 83 requirements; languages en de' "$r/check2.out"; then
		ok "release $tag: the released catalogue checks clean"
	else
		bad "release $tag: the released catalogue checks clean" "exit $rc $(cat "$r/check2.out")"
	fi
	"$vcsc" diff "$c/vcsa/1.1" "$c/vcsa/1.2" --format json 2>"$r/diff.err" |
		jq -r -f tests/diff/edits.jq | LC_ALL=C sort >"$r/edits"
	got=$(cat "$r/edits")
	if [ "$got" = "added ops-security-event-logging question 7.5
level ops-incident-exercises should -> must
translation hr-culture title de
withdrawn ci-compliance 9.3 successor ci-review" ]; then
		ok "release $tag: the diff reports exactly the edits"
	else
		bad "release $tag: the diff reports exactly the edits" "$got $(cat "$r/diff.err")"
	fi
	"$vcsc" release "$c/vcsa/1.2" --date 2026-12-02 >"$r/again.out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q 'is released already (on 2026-12-01)' "$r/again.out"; then
		ok "release $tag: a released version is not released again"
	else
		bad "release $tag: a released version is not released again" "exit $rc $(cat "$r/again.out")"
	fi

	# the second run: 9.3 deleted instead of withdrawn
	c=$r/cat2
	cp -r catalogue "$c"
	"$vcsc" new-version "$c/vcsa/1.1" 1.2 >/dev/null 2>&1
	n=$(grep -n '^  - number: "9.3"$' "$c/vcsa/1.2/09-improvement.yaml" | cut -d: -f1)
	head -n $((n - 1)) "$c/vcsa/1.2/09-improvement.yaml" >"$r/09.yaml"
	mv "$r/09.yaml" "$c/vcsa/1.2/09-improvement.yaml"
	rel_summary "$c"
	(cd "$c" && find . -type f | LC_ALL=C sort | xargs sha1sum) >"$r/before.sum"
	"$vcsc" release "$c/vcsa/1.2" --date 2026-12-01 >"$r/refused.out" 2>&1
	rc=$?
	(cd "$c" && find . -type f | LC_ALL=C sort | xargs sha1sum) >"$r/after.sum"
	if [ $rc -eq 1 ] && cmp -s "$r/before.sum" "$r/after.sum" &&
		grep -q "09-improvement.yaml:1:10: warning: question 9.3 ('ci-compliance', Legal and regulatory requirements) of vcsa/1.1 is gone from vcsa/1.2 without being withdrawn" "$r/refused.out" &&
		grep -q 'error: vcsa/1.2 is not released: settle the warning above first' "$r/refused.out" &&
		grep -qx '1 error, 1 warning' "$r/refused.out"; then
		ok "release $tag: a question deleted instead of withdrawn: refused, nothing changed"
	else
		bad "release $tag: a question deleted instead of withdrawn: refused, nothing changed" "exit $rc $(cat "$r/refused.out")"
	fi
}

rel_run vcsc ./vcsc
if have_asan "asan release workflow"; then
	rel_run asan build/asan/vcsc
fi

# --date is checked before anything is read
./vcsc release vcsa/1.1 --date 2026-02-30 >"$TMP/rd.out" 2>&1
rc=$?
if [ $rc -eq 2 ] && grep -q "^vcsc release: --date is '2026-02-30', but February 2026 has 28 days" "$TMP/rd.out"; then
	ok "release --date names an impossible date (exit 2)"
else
	bad "release --date names an impossible date (exit 2)" "exit $rc $(cat "$TMP/rd.out")"
fi

# The in-place edit keeps what it does not mean to change: CRLF line
# endings, a file without a final line break, a quoted status with a
# comment after it, and an empty 'released:' that gets the date.
rl=$TMP/release-layout
rm -rf "$rl" && mkdir -p "$rl" && cp -r tests/check/release-date-before/vcsa "$rl/"
printf '# draft of 1.1\r\ncatalogue: vcsa\r\nversion: "1.1"\r\ntitle: Test catalogue\r\nstatus: "draft"  # not yet\r\nreleased:\r\npredecessor: "1.0"\r\nsummary: What changed.\r\nlanguages:\r\n  - id: en\r\n    status: complete' >"$rl/vcsa/1.1/version.yaml"
./vcsc release --catalogue catalogue "$rl/vcsa/1.1" --date 2025-06-01 >"$rl/out" 2>&1
rc=$?
want=$(printf '# draft of 1.1\r\ncatalogue: vcsa\r\nversion: "1.1"\r\ntitle: Test catalogue\r\nstatus: released  # not yet\r\nreleased: 2025-06-01\r\npredecessor: "1.0"\r\nsummary: What changed.\r\nlanguages:\r\n  - id: en\r\n    status: complete')
if [ $rc -eq 0 ] && [ "$(cat "$rl/vcsa/1.1/version.yaml")" = "$want" ] &&
	./vcsc check -q --catalogue catalogue "$rl/vcsa/1.1" >/dev/null 2>&1; then
	ok "release edits version.yaml in place: CRLF, no final line break, quotes, comments, an empty date"
else
	bad "release edits version.yaml in place: CRLF, no final line break, quotes, comments, an empty date" "exit $rc $(cat "$rl/out"; od -c "$rl/vcsa/1.1/version.yaml" | head -20)"
fi
