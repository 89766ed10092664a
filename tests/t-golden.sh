# Golden outputs and determinism of the model and `vcsc export`.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).

# The export of the mini fixture, compared byte for byte.
if ./vcsc export tests/fixtures/mini/vcsa/1.0 >"$TMP/mini.json" 2>"$TMP/mini.err" &&
	diff -u tests/golden/export-mini.json "$TMP/mini.json" >"$TMP/d" 2>&1; then
	ok "golden export-mini"
else
	bad "golden export-mini" "$(cat "$TMP/mini.err" "$TMP/d")"
fi

# A catalogue laid out as published: levels, labels, the maturity scale
# and three successors in the export; it checks with warnings only (the
# skipped label 1.1.e in both versions, and 1.1's level change of 1.1.c,
# which has no change note).
if ./vcsc export tests/fixtures/published/vcsp/1.1 >"$TMP/pub.json" 2>"$TMP/pub.err" &&
	diff -u tests/golden/export-published.json "$TMP/pub.json" >"$TMP/d" 2>&1; then
	ok "golden export-published"
else
	bad "golden export-published" "$(cat "$TMP/pub.err" "$TMP/d")"
fi
# The example shaped like the VDA ISA: sections in the export, and it
# checks clean.
if ./vcsc export examples/isa/isa/1.1 >"$TMP/isa.json" 2>"$TMP/isa.err" &&
	diff -u tests/golden/export-isa.json "$TMP/isa.json" >"$TMP/d" 2>&1; then
	ok "golden export-isa"
else
	bad "golden export-isa" "$(cat "$TMP/isa.err" "$TMP/d")"
fi
out=$(./vcsc check examples/isa 2>&1)
[ $? -eq 0 ] && ! grep -q ': \(error\|warning\):' <<<"$out" &&
	ok "golden examples/isa checks clean ($(tr '\n' ' ' <<<"$out"))" ||
	bad "golden examples/isa checks clean" "$out"
out=$(./vcsc check tests/fixtures/published 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$(grep -c ': warning:' <<<"$out")" -eq 3 ] && ! grep -q ': error:' <<<"$out" &&
	[ "$(grep -c "label 'e' of question 1.1 skips after 'c'" <<<"$out")" -eq 2 ] &&
	grep -q "1.1/01-governance.yaml:35:9: warning: requirement 1.1.c ('gov-rules-known') changed (level should -> must) but neither it nor its question has a change_note" <<<"$out"; then
	ok "golden published fixture checks with warnings only (the skipped label, in both versions; a level change without a note)"
else
	bad "golden published fixture checks with warnings only" "$out"
fi

# The bundled catalogue checks clean and has the promised size.
out=$(./vcsc check catalogue 2>&1)
rc=$?
if [ $rc -eq 0 ] && ! grep -q ': error:' <<<"$out"; then
	ok "golden bundled catalogue checks clean"
else
	bad "golden bundled catalogue checks clean" "$out"
fi
for v in 1.0 1.1; do
	line=$(grep "^vcsa/$v:" <<<"$out")
	ch=$(sed -n 's/^[^:]*: \([0-9]*\) chapters.*/\1/p' <<<"$line")
	q=$(sed -n 's/.*chapters, \([0-9]*\) questions.*/\1/p' <<<"$line")
	r=$(sed -n 's/.* \([0-9]*\) requirements.*/\1/p' <<<"$line")
	if [ "${ch:-0}" -eq 9 ] && [ "${q:-0}" -ge 24 ] && [ "${r:-0}" -ge 70 ]; then
		ok "golden vcsa/$v size ($ch chapters, $q questions, $r requirements)"
	else
		bad "golden vcsa/$v size" "$line"
	fi
done

# Same input, same bytes: export twice, and through -o (atomic write).
for v in 1.0 1.1; do
	./vcsc export catalogue/vcsa/$v >"$TMP/a.json"
	./vcsc export vcsa/$v -o "$TMP/b.json"
	if cmp -s "$TMP/a.json" "$TMP/b.json" && [ -s "$TMP/a.json" ]; then
		ok "golden export vcsa/$v reproducible"
	else
		bad "golden export vcsa/$v reproducible"
	fi
done

# A failed export leaves no file behind.
rm -f "$TMP/none.json"
./vcsc export tests/check/duplicate-key/vcsa/1.0 --catalogue catalogue -o "$TMP/none.json" 2>/dev/null
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$TMP/none.json" ] && [ -z "$(ls "$TMP" | grep 'none.json.tmp')" ]; then
	ok "golden failed export writes nothing"
else
	bad "golden failed export writes nothing" "exit $rc"
fi
./vcsc export catalogue/vcsa/1.1 -o /nonexistent-dir/x.json 2>/dev/null
[ $? -eq 2 ] && ok "golden unwritable output exits 2" || bad "golden unwritable output exits 2"

# Usage errors exit 2; --help and --version exit 0.
./vcsc >/dev/null 2>&1; [ $? -eq 2 ] && ok "cli no command exits 2" || bad "cli no command exits 2"
./vcsc chek >/dev/null 2>"$TMP/e"; if [ $? -eq 2 ] && grep -q "did you mean 'check'" "$TMP/e"; then ok "cli unknown command suggests"; else bad "cli unknown command suggests" "$(cat "$TMP/e")"; fi
./vcsc check --bogus >/dev/null 2>&1; [ $? -eq 2 ] && ok "cli unknown option exits 2" || bad "cli unknown option exits 2"
for c in "" check export; do
	./vcsc $c --help >"$TMP/h" 2>&1 && grep -q Usage "$TMP/h" && ok "cli help '$c'" || bad "cli help '$c'"
done
./vcsc --version | grep -q '^vcsc [0-9]' && ok "cli --version" || bad "cli --version"

# -o follows a symbolic link (the link stays, its target is replaced),
# never creates the target of a dangling link, writes a device in place
# and refuses a directory. (tests/t-io.sh: links in sticky directories.)
o=$TMP/outtargets
rm -rf "$o" && mkdir -p "$o/dir"
echo old >"$o/target.json" && ln -s target.json "$o/link.json"
ln -s made.json "$o/dangling.json"
./vcsc export vcsa/1.1 -o "$o/link.json"
if [ -L "$o/link.json" ] && grep -q vcsc-catalogue "$o/target.json"; then
	ok "golden -o through a symbolic link"
else
	bad "golden -o through a symbolic link" "$(ls -la "$o")"
fi
./vcsc export vcsa/1.1 -o "$o/dangling.json" 2>"$TMP/e"
if [ $? -eq 2 ] && [ ! -e "$o/made.json" ] && [ -L "$o/dangling.json" ] &&
	grep -q "does not create the target of a link" "$TMP/e"; then
	ok "golden -o to a dangling link exits 2, creates nothing"
else
	bad "golden -o to a dangling link exits 2, creates nothing" "$(ls -la "$o"; cat "$TMP/e")"
fi
./vcsc export vcsa/1.1 -o /dev/null && [ -c /dev/null ] &&
	ok "golden -o to a device writes in place" || bad "golden -o to a device writes in place"
./vcsc export vcsa/1.1 -o "$o/dir" 2>/dev/null
[ $? -eq 2 ] && [ -d "$o/dir" ] && ok "golden -o to a directory exits 2" ||
	bad "golden -o to a directory exits 2"
if [ -w /dev/full ]; then
	./vcsc check --format json catalogue >/dev/full 2>/dev/null
	[ $? -eq 2 ] && ok "golden full standard output exits 2" ||
		bad "golden full standard output exits 2"
else
	skip "golden full standard output exits 2" "/dev/full is not writable here"
fi
