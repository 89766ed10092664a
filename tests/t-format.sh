# The C sources are formatted as .clang-format says (clang-format 14, the
# house format): scripts/format.sh --check, over the files `make format`
# rewrites. A missing clang-format fails (scripts/deps.sh test installs
# it); another version is skipped, as it formats differently.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).

scripts/format.sh --check >"$TMP/format.out" 2>"$TMP/format.err"
rc=$?
n=$(scripts/format.sh --list | wc -l)
if [ $rc -eq 0 ]; then
	ok "format: the $n C files are clang-formatted"
elif [ $rc -eq 1 ]; then
	bad "format: $(wc -l <"$TMP/format.out") of $n C files are not clang-formatted; run 'make format' (rewrites them in place)" \
		"$(fmt -w 76 "$TMP/format.out" | sed 's/^/  /')"
elif grep -q ' is version ' "$TMP/format.err"; then
	skip "format" "$(sed 's/^scripts\/format.sh: //' "$TMP/format.err")"
else
	bad "format: scripts/format.sh --check failed (exit $rc)" "$(cat "$TMP/format.err")"
fi
