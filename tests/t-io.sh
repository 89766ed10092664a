# Outputs and the file system: exit statuses when standard output fails,
# symbolic links vcsc must not write through, modes kept when an output is
# replaced, `vcsc site -o` with a trailing slash or '.', the leftovers of
# interrupted site builds, signals, and a full disk.
# Sourced by tests/run.sh (uses ok, bad, skip, $TMP).

io=$TMP/io
rm -rf "$io" && mkdir -p "$io"

# --- standard output on a full disk: exit 2 and one line ------------------
# one_line NAME EXPECTED-STATUS STDERR-FILE STATUS
one_line() {
	local lines
	lines=$(wc -l <"$3")
	if [ "$4" -eq "$2" ] && [ "$lines" -eq 1 ] &&
		grep -q 'No space left on device' "$3"; then
		ok "io $1"
	else
		bad "io $1" "exit $4, $lines lines: $(cat "$3")"
	fi
}
if [ -w /dev/full ]; then
	./vcsc --help >/dev/full 2>"$io/e"; one_line "--help >/dev/full exits 2" 2 "$io/e" $?
	./vcsc -V >/dev/full 2>"$io/e"; one_line "-V >/dev/full exits 2" 2 "$io/e" $?
	./vcsc check --help >/dev/full 2>"$io/e"; one_line "check --help >/dev/full exits 2" 2 "$io/e" $?
	./vcsc diff vcsa/1.0 vcsa/1.1 >/dev/full 2>"$io/e"; one_line "diff >/dev/full: one line, exit 2" 2 "$io/e" $?
	./vcsc export vcsa/1.1 >/dev/full 2>"$io/e"; one_line "export >/dev/full: one line, exit 2" 2 "$io/e" $?
else
	skip "io standard output on a full disk" "/dev/full is not writable here"
fi

# --- symbolic links ----------------------------------------------------------
# A link planted by another user in a sticky world-writable directory is
# not followed (the kernel's protected_symlinks rule), whatever the
# sysctl says; a link of our own there is.
mkdir -m 1777 "$io/sticky"
echo secret >"$io/victim"
chmod 600 "$io/victim"
other=$(id -u nobody 2>/dev/null)
if [ "$(id -u)" -eq 0 ] && [ -n "$other" ]; then
	for cmd in "export vcsa/1.1" "questionnaire vcsa/1.1" \
		"diff vcsa/1.0 vcsa/1.1 --format html" "diff vcsa/1.0 vcsa/1.1 --format json"; do
		ln -sf "$io/victim" "$io/sticky/planted"
		chown -h nobody "$io/sticky/planted"
		# shellcheck disable=SC2086
		./vcsc $cmd -o "$io/sticky/planted" >/dev/null 2>"$io/e"
		rc=$?
		if [ $rc -eq 2 ] && [ "$(cat "$io/victim")" = secret ] &&
			grep -q 'owned by another user in a sticky world-writable directory' "$io/e"; then
			ok "io $cmd refuses a link planted in a sticky directory"
		else
			bad "io $cmd refuses a link planted in a sticky directory" "exit $rc: $(cat "$io/e")"
		fi
	done
	mkdir -p "$io/sitetarget"
	ln -sfn "$io/sitetarget" "$io/sticky/site"
	chown -h nobody "$io/sticky/site"
	./vcsc site -q -o "$io/sticky/site" 2>"$io/e"
	rc=$?
	[ $rc -eq 2 ] && [ -z "$(ls -A "$io/sitetarget")" ] &&
		ok "io site refuses a link planted in a sticky directory" ||
		bad "io site refuses a link planted in a sticky directory" "exit $rc: $(cat "$io/e")"
else
	skip "io links planted by another user" "needs root and a user 'nobody' to own the link"
fi
echo old >"$io/mine.json"
ln -s "$io/mine.json" "$io/sticky/mine"
if ./vcsc export vcsa/1.1 -o "$io/sticky/mine" 2>"$io/e" && [ -L "$io/sticky/mine" ] &&
	grep -q vcsc-catalogue "$io/mine.json"; then
	ok "io a link of our own in a sticky directory is followed"
else
	bad "io a link of our own in a sticky directory is followed" "$(cat "$io/e")"
fi
ln -s "$io/nothing.pdf" "$io/dangling.pdf"
for cmd in "questionnaire vcsa/1.1" "diff vcsa/1.0 vcsa/1.1 --format pdf" "site -q"; do
	# shellcheck disable=SC2086
	./vcsc $cmd -o "$io/dangling.pdf" >/dev/null 2>"$io/e"
	rc=$?
	if [ $rc -eq 2 ] && [ ! -e "$io/nothing.pdf" ] &&
		grep -q 'does not create the target of a link' "$io/e"; then
		ok "io ${cmd%% *} -o a dangling link: exit 2, nothing created"
	else
		bad "io ${cmd%% *} -o a dangling link: exit 2, nothing created" "exit $rc: $(cat "$io/e")"
	fi
done

# --- a replaced output keeps its mode (and owner, for root) ------------------
./vcsc export vcsa/1.0 -o "$io/kept.json"
chmod 640 "$io/kept.json"
if [ "$(id -u)" -eq 0 ] && [ -n "$other" ]; then
	chown nobody "$io/kept.json"
else
	skip "io a replaced output keeps its owner" "needs root and a user 'nobody' (the mode is still checked)"
fi
before=$(stat -c '%a %U' "$io/kept.json")
./vcsc export vcsa/1.1 -o "$io/kept.json"
./vcsc questionnaire vcsa/1.1 -o "$io/kept.pdf"
chmod 600 "$io/kept.pdf"
./vcsc questionnaire vcsa/1.1 --lang de -o "$io/kept.pdf"
if [ "$(stat -c '%a %U' "$io/kept.json")" = "$before" ] &&
	[ "$(stat -c %a "$io/kept.pdf")" = 600 ] && grep -q '"1.1"' "$io/kept.json"; then
	ok "io a replaced output keeps its mode and owner ($before)"
else
	bad "io a replaced output keeps its mode and owner" "$before -> $(stat -c '%a %U' "$io/kept.json"), pdf $(stat -c %a "$io/kept.pdf")"
fi

# --- site -o with a trailing slash, and '.' ----------------------------------
mkdir -p "$io/slash"
if ./vcsc site -q -o "$io/slash/new/" 2>"$io/e" && [ -f "$io/slash/new/index.html" ] &&
	[ -z "$(cd "$io/slash" && ls -A | grep -v '^new$')" ]; then
	ok "io site -o DIR/ (trailing slash)"
else
	bad "io site -o DIR/ (trailing slash)" "$(cat "$io/e"; ls -A "$io/slash")"
fi
mkdir -p "$io/dot/here"
root=$PWD
if (cd "$io/dot/here" && "$root/vcsc" site -q --catalogue "$root/catalogue" -o . &&
	touch stale.html && "$root/vcsc" site -q --catalogue "$root/catalogue" -o . &&
	[ -f index.html ] && [ ! -e stale.html ] && [ -f "$(pwd)/index.html" ]) 2>"$io/e" &&
	[ "$(ls -A "$io/dot")" = here ]; then
	ok "io site -o . builds into the current directory, twice"
else
	bad "io site -o . builds into the current directory, twice" "$(cat "$io/e"; ls -A "$io/dot" "$io/dot/here")"
fi

# --- leftovers of interrupted builds -------------------------------------------
l=$io/left
mkdir -p "$l/.site.tmp-AbC123/vcsa" "$l/.site.tmp-ZyX987.old" "$l/.site.tmp-LiVe42" "$l/.site.tmp-toolong1" "$l/.site.tmp-NeW123"
touch -d '1 minute ago' "$l/.site.tmp-AbC123" "$l/.site.tmp-ZyX987.old" "$l/.site.tmp-LiVe42" "$l/.site.tmp-toolong1"
# a build that still runs holds a lock on its directory; a directory just
# made may be another build's before it could lock it
if command -v flock >/dev/null; then
	flock "$l/.site.tmp-LiVe42" sleep 20 &
	lockpid=$!
	sleep 0.2
	./vcsc site -q -o "$l/site" 2>"$io/e"
	kill $lockpid 2>/dev/null
	wait $lockpid 2>/dev/null
	if [ -f "$l/site/index.html" ] && [ ! -e "$l/.site.tmp-AbC123" ] && [ ! -e "$l/.site.tmp-ZyX987.old" ] &&
		[ -d "$l/.site.tmp-LiVe42" ] && [ -d "$l/.site.tmp-toolong1" ] && [ -d "$l/.site.tmp-NeW123" ]; then
		ok "io site removes the leftovers of its killed builds, not a running one's nor a new one"
	else
		bad "io site removes the leftovers of its killed builds, not a running one's nor a new one" "$(ls -A "$l"; cat "$io/e")"
	fi
else
	skip "io site leftovers" "flock(1) from util-linux is missing"
fi

# SIGTERM and SIGINT at many points of a build: never a leftover, and the
# site is the old one or the new one, whole.
s=$io/sig
mkdir -p "$s"
./vcsc site -q --catalogue tests/fixtures/mini -o "$s/site"
sig_bad=
for d in 0.02 0.05 0.1 0.15 0.2 0.25 0.3 0.4 0.5; do
	for sg in TERM INT; do
		./vcsc site -q -o "$s/site" &
		pid=$!
		sleep $d
		kill -$sg $pid 2>/dev/null
		wait $pid
		rc=$?
		left=$(cd "$s" && ls -A | grep -v '^site$')
		if [ -n "$left" ] || [ ! -f "$s/site/index.html" ] || [ ! -f "$s/site/.vcsc-site" ] ||
			{ [ $rc -ne 0 ] && [ $rc -ne 130 ] && [ $rc -ne 143 ]; }; then
			sig_bad="$sig_bad [$sg after ${d}s: exit $rc, left '$left']"
		fi
	done
done
[ -z "$sig_bad" ] && ok "io site killed by SIGTERM/SIGINT at 18 points leaves no temporary folder" ||
	bad "io site killed by SIGTERM/SIGINT leaves no temporary folder" "$sig_bad"
# The same at the moments that matter, held open with strace: a signal
# just after the temporary directory is made (before it is tracked; the
# mkdir is held 4 s and the signal sent after 1.5 s, so that a loaded
# machine still hits the window), and
# one between the two renames of the fallback for file systems without
# an atomic exchange (renameat2 refused).
if command -v strace >/dev/null && command -v pgrep >/dev/null; then
	r=$io/race
	mkdir -p "$r"
	depth=$(printf '%s' "$r" | tr -cd / | wc -c)
	strace -f -o /dev/null -e inject=mkdir:delay_exit=4000000:when=$((depth + 1)) \
		./vcsc site -q -o "$r/site" &
	sp=$!
	sleep 1.5
	kill -TERM $(pgrep -P $sp) 2>/dev/null
	wait $sp
	left=$(ls -A "$r")
	[ -z "$left" ] && ok "io site killed right after making its directory leaves nothing" ||
		bad "io site killed right after making its directory leaves nothing" "$left"
	./vcsc site -q --catalogue tests/fixtures/mini -o "$r/site"
	strace -f -o /dev/null -e inject=renameat2:error=EINVAL -e inject=rename:delay_exit=2000000:when=1 \
		./vcsc site -q -o "$r/site" &
	sp=$!
	sleep 1.2
	kill -TERM $(pgrep -P $sp) 2>/dev/null
	wait $sp
	left=$(ls -A "$r")
	if [ "$left" = site ] && [ -f "$r/site/index.html" ] && [ -f "$r/site/.vcsc-site" ]; then
		ok "io site killed between the two renames keeps a whole site"
	else
		bad "io site killed between the two renames keeps a whole site" "$left; $(ls "$r/site" 2>&1 | head -3)"
	fi
else
	skip "io site signals at chosen moments" "strace or pgrep is missing"
fi
q=$io/sigq
mkdir -p "$q"
for d in 0.01 0.03 0.05 0.08; do
	./vcsc questionnaire vcsa/1.1 -o "$q/q.pdf" &
	pid=$!
	sleep $d
	kill -TERM $pid 2>/dev/null
	wait $pid
done
left=$(cd "$q" && ls -A | grep -v '^q\.pdf$')
[ -z "$left" ] && ok "io questionnaire killed by SIGTERM leaves no temporary file" ||
	bad "io questionnaire killed by SIGTERM leaves no temporary file" "$left"

# --- a full disk: one clear line, exit 2, nothing left -----------------------
full=$io/full
mkdir -p "$full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=600k tmpfs "$full" 2>/dev/null; then
	./vcsc site -q -o "$full/site" 2>"$io/e"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$io/e")" -eq 1 ] &&
		grep -q "^vcsc: error: cannot write the page '[^']*\.html': No space left on device$" "$io/e" &&
		[ -z "$(ls -A "$full")" ]; then
		ok "io site on a full disk: one line, exit 2, nothing left ($(cat "$io/e"))"
	else
		bad "io site on a full disk: one line, exit 2, nothing left" "exit $rc: $(head -5 "$io/e"); $(ls -A "$full")"
	fi
	head -c 500000 /dev/zero >"$full/filler"
	./vcsc questionnaire vcsa/1.1 -o "$full/q.pdf" 2>"$io/e"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$io/e")" -eq 1 ] && grep -q 'No space left on device' "$io/e" &&
		[ "$(ls -A "$full")" = filler ]; then
		ok "io questionnaire on a full disk: one line, exit 2, nothing left"
	else
		bad "io questionnaire on a full disk: one line, exit 2, nothing left" "exit $rc: $(cat "$io/e"); $(ls -A "$full")"
	fi
	umount "$full"
else
	skip "io full disk" "cannot mount a small tmpfs (needs root in a mount namespace)"
fi
