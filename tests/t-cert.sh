# Label certificates (issue 15): `vcsc certificate` for every example
# audit, byte-identical across runs; `vcsc verify` of each on its closing
# date; every position of a token changed; expired, not yet issued,
# revoked and superseded with --as-of (no test depends on today); the
# status file's signature; keygen's private key mode and a key that is
# not the test key; no secret in any output; the QR code read back by
# zbarimg from a pdftoppm render; the verify page in headless Chromium
# (tests/browser/certs.js) with the demo certificates, a tampered, a
# revoked and a superseded token.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).

C=$TMP/cert
mkdir -p "$C"
demo=examples/keys/demo-TEST-ONLY
base=https://vcs-criteria.example.org

# expected verdicts on each audit's closing date
declare -A want=([betrieb-de]=valid [clean]=valid [major-follow-up]=valid
	[major]=temporary [minor-temporary]=temporary)
declare -A tok closing
for f in examples/audits/*.yaml; do
	n=$(basename "$f" .yaml)
	if ./vcsc certificate "$f" --key $demo.key -o "$C/$n.pdf" 2>"$C/err" &&
		./vcsc certificate "$f" --key $demo.key -o "$C/$n-2.pdf" 2>>"$C/err" &&
		cmp -s "$C/$n.pdf" "$C/$n-2.pdf"; then
		ok "cert $n: written, byte-identical across runs"
	else
		bad "cert $n: written, byte-identical across runs" "$(cat "$C/err")"
		continue
	fi
	closing[$n]=$(sed -n 's/^closing: *//p' "$f")
	out=$(./vcsc verify "$C/$n.pdf" --as-of "${closing[$n]}" 2>&1)
	rc=$?
	# the Info dictionary (an object of its own, not compressed)
	tok[$n]=$(grep -a -o '/VCSCertificateToken ([^)]*)' "$C/$n.pdf" | sed 's/.* (//; s/)$//' | head -n 1)
	if [ $rc -eq 0 ] && grep -q "^verdict: *${want[$n]}, signed with the test key: proves nothing" <<<"$out"; then
		ok "cert $n: verify --as-of ${closing[$n]} (its closing date) says ${want[$n]}, signed with the test key"
	else
		bad "cert $n: verify --as-of ${closing[$n]} says ${want[$n]}" "exit $rc; $out"
	fi
done

# the token from the Info dictionary is the one printed on the page
t=${tok[clean]}
if [ -n "$t" ] && pdftotext -raw "$C/clean.pdf" - | tr -d '\n ' | grep -qF "$t"; then
	ok "cert token in the Info dictionary and printed on the page (${#t} characters)"
else
	bad "cert token in the Info dictionary and printed on the page" "token: $t"
fi
# the page says it proves nothing; landscape
txt=$(pdftotext "$C/clean.pdf" - 2>/dev/null | tr '\n' ' ')
size=$(pdfinfo "$C/clean.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
pages=$(pdfinfo "$C/clean.pdf" | sed -n 's/^Pages: *//p')
if grep -q "TEST key. This certificate proves nothing" <<<"$txt" &&
	grep -q "Harbour Ridge Electronics GmbH" <<<"$txt" && grep -q "S-7781" <<<"$txt" &&
	grep -q "VCS Operations & Maintenance" <<<"$txt" && grep -q "valid through 2029-09-18" <<<"$txt" &&
	awk -v s="$size" 'BEGIN { split(s, a, " "); exit !(a[1] > a[2]) }' && [ "$pages" = 1 ]; then
	ok "cert page: one landscape page with the facts and the test-key warning"
else
	bad "cert page: one landscape page with the facts and the test-key warning" "$size; $pages pages; $txt"
fi
if pdftotext "$C/betrieb-de.pdf" - | grep -q "MUSTER: mit einem öffentlichen TEST-Schlüssel"; then
	ok "cert page in German (the audit's language)"
else
	bad "cert page in German (the audit's language)" "$(pdftotext "$C/betrieb-de.pdf" - | head)"
fi
out=$(qpdf --check "$C/clean.pdf" 2>&1) && ok "cert qpdf --check" || bad "cert qpdf --check" "$out"

# every position of the token changed: invalid, exit 1
if [ -n "$t" ]; then
	n=${#t} fails=
	for ((i = 0; i < n; i++)); do
		c=${t:i:1}
		r=A
		[ "$c" = A ] && r=B
		u="${t:0:i}$r${t:i+1}"
		out=$(./vcsc verify "$u" --as-of 2026-09-18 2>&1)
		rc=$?
		if [ $rc -ne 1 ] || ! grep -q '^verdict: *invalid' <<<"$out"; then
			fails="$fails $i(exit $rc)"
		fi
	done
	[ -z "$fails" ] && ok "cert every one of the $n positions of a token changed: invalid, exit 1" ||
		bad "cert positions of a token changed that did not give invalid" "$fails"
	# one character more or less, the TEST- prefix dropped
	for u in "${t}A" "${t%?}" "${t#TEST-}"; do
		./vcsc verify "$u" --as-of 2026-09-18 >"$C/out" 2>&1
		rc=$?
		[ $rc -eq 1 ] && grep -q '^verdict: *invalid' "$C/out" ||
			bad "cert token of ${#u} characters: invalid" "exit $rc; $(cat "$C/out")"
	done
	ok "cert a token one character longer or shorter, or without its TEST- prefix: invalid"
fi

# dates: expired after the last label, not yet issued before the closing
out=$(./vcsc verify "$t" --as-of 2029-09-19 2>&1)
rc=$?
[ $rc -eq 1 ] && grep -q '^verdict: *expired, signed with the test key' <<<"$out" &&
	ok "cert verify --as-of the day after expiry: expired, exit 1" || bad "cert expired" "exit $rc; $out"
out=$(./vcsc verify "$t" --as-of 2029-09-18 2>&1)
[ $? -eq 0 ] && grep -q '^verdict: *valid' <<<"$out" &&
	ok "cert verify --as-of the expiry day: still valid" || bad "cert valid on the expiry day" "$out"
out=$(./vcsc verify "$t" --as-of 2026-09-17 2>&1)
[ $? -eq 1 ] && grep -q '^verdict: *invalid.*not issued yet' <<<"$out" &&
	ok "cert verify --as-of before the closing: invalid (not issued yet)" || bad "cert before issue" "$out"
out=$(./vcsc verify "${tok[minor-temporary]}" --as-of 2027-02-01 2>&1)
[ $? -eq 0 ] && grep -q '^verdict: *temporary' <<<"$out" &&
	ok "cert a temporary label still in force while the other expired: temporary" || bad "cert partly expired" "$out"
out=$(SOURCE_DATE_EPOCH=1893456000 ./vcsc verify "$t" 2>&1)
grep -q '^as of: *2030-01-01$' <<<"$out" && grep -q '^verdict: *expired' <<<"$out" &&
	ok "cert verify takes the day from SOURCE_DATE_EPOCH without --as-of" || bad "cert SOURCE_DATE_EPOCH" "$out"

# revoke and supersede: the signed status file
st=$C/status.txt
if ./vcsc revoke "$C/clean.pdf" --reason "withdrawn by the audit provider" --key $demo.key --status "$st" >"$C/out" 2>&1 &&
	./vcsc supersede "$C/major.pdf" "$C/major-follow-up.pdf" --key $demo.key --status "$st" >>"$C/out" 2>&1; then
	ok "cert revoke and supersede write the status file"
else
	bad "cert revoke and supersede write the status file" "$(cat "$C/out")"
fi
cp "$st" "$C/status-before"
./vcsc revoke "$t" --reason "withdrawn by the audit provider" --key $demo.key --status "$st" >"$C/out" 2>&1
cmp -s "$st" "$C/status-before" && grep -q "nothing changed" "$C/out" &&
	ok "cert revoke again: nothing changed, same bytes" || bad "cert revoke again" "$(cat "$C/out")"
if grep -q "Harbour\|S-7781\|Westfjord\|S-6620" "$st"; then
	bad "cert the status file names no participant or scope" "$(cat "$st")"
else
	ok "cert the status file names no participant or scope ($(grep -c '^revoked\|^superseded' "$st") entries, tokens hashed)"
fi
out=$(./vcsc verify "$t" --status "$st" --as-of 2026-09-18 2>&1)
rc=$?
[ $rc -eq 1 ] && grep -q '^verdict: *revoked, signed with the test key: proves nothing (revoked: withdrawn by the audit provider)' <<<"$out" &&
	ok "cert a revoked certificate: revoked, exit 1" || bad "cert revoked" "exit $rc; $out"
out=$(./vcsc verify "$C/major.pdf" --status "$st" --as-of 2026-07-10 2>&1)
rc=$?
[ $rc -eq 1 ] && grep -q '^verdict: *superseded' <<<"$out" &&
	ok "cert a superseded certificate: superseded, exit 1" || bad "cert superseded" "exit $rc; $out"
out=$(./vcsc verify "$C/major-follow-up.pdf" --status "$st" --as-of 2026-11-20 2>&1)
[ $? -eq 0 ] && grep -q '^verdict: *valid' <<<"$out" &&
	ok "cert the certificate that supersedes: valid" || bad "cert the new certificate" "$out"
sed 's/withdrawn by/withdrawn for/' "$st" >"$C/status-changed"
out=$(./vcsc verify "$t" --status "$C/status-changed" --as-of 2026-09-18 2>&1)
rc=$?
[ $rc -eq 2 ] && grep -q "status file's signature does not match" <<<"$out" &&
	ok "cert a changed status file: its signature fails, exit 2" || bad "cert changed status file" "exit $rc; $out"
out=$(./vcsc revoke "$t" --reason "x" --status "$st" 2>&1)
rc=$?
[ $rc -eq 2 ] && grep -q "no signing key" <<<"$out" &&
	ok "cert revoke without a signing key: usage error" || bad "cert revoke without key" "exit $rc; $out"

# keygen: the private key for its owner only; never replaced; a key that
# is not the test key signs certificates without the warning
k=$C/scheme-key
if ./vcsc keygen -o "$k" >/dev/null 2>"$C/err" && [ "$(stat -c %a "$k.key")" = 600 ] &&
	! ./vcsc keygen -o "$k" >/dev/null 2>&1; then
	ok "cert keygen: NAME.key mode 0600, NAME.pub, never replaced"
else
	bad "cert keygen" "$(stat -c %a "$k.key" 2>&1); $(cat "$C/err")"
fi
if VCSC_SIGNING_KEY=$k.key ./vcsc certificate examples/audits/clean.yaml -o "$C/real.pdf" 2>"$C/err"; then
	out=$(./vcsc verify "$C/real.pdf" --public-key "$k.pub" --as-of 2026-09-18 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && grep -q '^verdict: *valid (genuine and in force)$' <<<"$out" &&
		! pdftotext "$C/real.pdf" - | grep -q "TEST"; then
		ok "cert signed with a new key (VCSC_SIGNING_KEY): valid, no test-key warning"
	else
		bad "cert signed with a new key" "exit $rc; $out"
	fi
	out=$(./vcsc verify "$C/real.pdf" --as-of 2026-09-18 2>&1)
	[ $? -eq 1 ] && grep -q '^verdict: *invalid (it was signed with a key that is not among' <<<"$out" &&
		ok "cert a key not given: invalid" || bad "cert unknown key" "$out"
	seed=$(sed -n 's/^seed //p' "$k.key")
	if grep -rqF "$seed" "$C/real.pdf" || strings "$C/real.pdf" | grep -qF "$seed"; then
		bad "cert the signing key appears in no output"
	else
		ok "cert the signing key appears in no output"
	fi
else
	bad "cert signed with a new key" "$(cat "$C/err")"
fi

# an audit that earns no label: refused, nothing written
# (the example with a major finding, its minor one made major too)
awk '/^  - id: F-02/ { f = 1 } f && /class: minor/ { sub(/minor/, "major"); f = 0 } { print }' \
	examples/audits/major.yaml >"$C/nolabel.yaml"
out=$(./vcsc certificate "$C/nolabel.yaml" --key $demo.key -o "$C/nolabel.pdf" 2>&1)
rc=$?
[ $rc -eq 1 ] && [ ! -e "$C/nolabel.pdf" ] && grep -q "earns no label" <<<"$out" &&
	ok "cert an audit that earns no label: refused, exit 1, nothing written" ||
	bad "cert an audit that earns no label" "exit $rc; $out"

# the QR code, read back from a rendering of the page
if command -v zbarimg >/dev/null && command -v pdftoppm >/dev/null; then
	pdftoppm -png -r 150 "$C/clean.pdf" "$C/clean"
	got=$(zbarimg -q --raw "$C/clean-1.png" 2>/dev/null | head -n 1)
	[ "$got" = "$base/verify.html#$t" ] && ok "cert zbarimg reads the QR code back to the verify address" ||
		bad "cert zbarimg reads the QR code back to the verify address" "read: $got"
else
	skip "cert QR code" "zbarimg or pdftoppm missing (scripts/deps.sh test)"
fi

# the verify page in headless Chromium: the same verdicts
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || ! command -v node >/dev/null ||
	[ ! -d tests/browser/node_modules/playwright-core ]; then
	skip "cert verify page in Chromium" "Chromium, node or tests/browser/node_modules missing (t-browser.sh installs them)"
else
	./vcsc site -q -o "$C/site" --public-key $demo.pub --status "$st" 2>"$C/err" ||
		bad "cert site with keys and status" "$(cat "$C/err")"
	if [ -f "$C/site/verify.html" ] && [ -f "$C/site/keys.html" ] && cmp -s "$C/site/status.txt" "$st"; then
		ok "cert site: verify.html, keys.html and the status file"
	else
		bad "cert site: verify.html, keys.html and the status file"
	fi
	# the cases: each demo certificate on its closing date (clean is
	# revoked in this status file, major superseded), a tampered token,
	# an expired one, one a character too long; the verdict expected is
	# what vcsc verify says of it
	: >"$C/cases"
	add_case() { # name as-of token
		local out v test=no
		out=$(./vcsc verify "$3" --public-key $demo.pub --status "$st" --as-of "$2" 2>&1)
		v=$(sed -n 's/^verdict: *\([a-z]*\).*/\1/p' <<<"$out")
		grep -q '^verdict: .*signed with the test key' <<<"$out" && test=yes
		printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$v" "$test" "$3" >>"$C/cases"
	}
	for n in $(printf '%s\n' "${!tok[@]}" | sort); do
		add_case "demo certificate $n" "${closing[$n]}" "${tok[$n]}"
	done
	add_case "shot revoked" 2026-09-18 "$t"
	add_case "shot superseded" 2026-07-10 "${tok[major]}"
	add_case "shot valid" "${closing[betrieb-de]}" "${tok[betrieb-de]}"
	add_case "shot tampered" 2026-09-18 "${t:0:40}$([ "${t:40:1}" = A ] && echo B || echo A)${t:41}"
	add_case "tampered test flag" 2026-09-18 "${t:0:6}$([ "${t:6:1}" = A ] && echo B || echo A)${t:7}"
	add_case "expired" 2029-10-10 "${tok[betrieb-de]}"
	add_case "a character too long" 2026-09-18 "${t}A"
	verdicts=$(cut -f3 "$C/cases" | sort | uniq -c | awk '{ printf "%s%s %s", s, $1, $2; s = ", " }')
	out=$(node tests/browser/certs.js "$C/site" "$C/cases" "${SHOTS:-output/screenshots}" 2>&1)
	while IFS= read -r line; do
		case $line in
		"PASS "*) ok "cert browser ${line#PASS }${verdicts:+ [$verdicts]}"
			verdicts= ;;
		"FAIL "*) bad "cert browser ${line#FAIL }" "$out" ;;
		esac
	done <<<"$out"
	grep -q '^certs: ' <<<"$out" || bad "cert browser: certs.js did not finish" "$out"
fi
