# Checks that the English release notes (pdftotext -raw of the body) show
# every edit of an edits list (catalogue/vcsa/edits-1.0-1.1.txt form:
# "kind uid detail"), each at its own question or requirement.
#
#   awk -f tests/diff/pdf-edits.awk NUMBERS EDITS BODY.txt
#
# NUMBERS holds "uid number" lines (the number the notes show: the new one,
# the old one for items gone). The body is cut into sections at the lines
# that start with a question or requirement number after the heading
# "Changes by question" (a section's heading "1.6 Title" is cut like a
# question's); an edit must appear in its item's section as
# "Label: detail" (lines joined, so wrapping does not matter). "shifted"
# edits must appear as rows of the number table, "language" edits in the
# summary. Prints one line per
# missing edit and a summary; exits 1 when one is missing.

function field_label(f) {
	if (f == "question") return "Control question"
	if (f == "objective") return "Objective"
	if (f == "title") return "Title"
	if (f == "introduction") return "Introduction"
	if (f == "further_information") return "Further information"
	if (f == "evidence") return "Possible evidence"
	if (f == "must") return "Must"
	if (f == "should") return "Should"
	return f
}
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function lname(id) { return id == "de" ? "Deutsch" : id }
function arrow(d,   a) { split(d, a, " -> "); return a[1] " \342\206\222 " a[2] }
function want(kind, uid, d,   n, w, a, i, parts) {
	if (kind == "added") return "Added: " d
	if (kind == "removed") return "Removed: " d
	if (kind == "withdrawn") {
		# "3.3 successor a" or "1.3 successors a,b,c": every number,
		# in order, after "continues in"
		split(d, a, " "); n = split(a[3], parts, ",")
		w = "Withdrawn: continues in "
		for (i = 1; i <= n; i++) w = w "|" num[parts[i]] " "
		return w
	}
	if (kind == "moved") return (uid ~ /^ch-/ ? "" : "Moved to another ") "|" arrow(d)
	if (kind == "renumbered") return "Renumbered: " arrow(d)
	if (kind == "uid") return "Identifier changed: " arrow(d)
	if (kind == "text") return "Wording changed: " field_label(d)
	if (kind == "whitespace") return "White space only: " field_label(d)
	if (kind == "formatting") return "Formatting only: " field_label(d)
	if (kind == "translation-stale") {
		split(d, a, " ")
		return "Translation not updated: " field_label(a[1]) " (" lname(a[2]) ")"
	}
	if (kind == "translation") {
		split(d, a, " ")
		return "Translation changed: " field_label(a[1]) " (" lname(a[2]) ")"
	}
	if (kind == "language") {
		# "partial -> complete" and the like, said as the notes say it
		split(d, a, " -> ")
		if (a[2] == "complete") return "• " lname(uid) " completed"
		if (a[1] == "complete" && a[2] == "partial") return "• " lname(uid) " no longer complete"
		if (a[2] == "absent") return "• " lname(uid) " no longer in this version"
		return "• " lname(uid) " added, not yet complete"
	}
	if (kind == "level") { split(d, a, " -> "); return "Level changed: " cap(a[1]) " \342\206\222 " cap(a[2]) }
	if (kind == "applicability") return "Audit objectives changed: "
	if (kind == "references") {
		w = "References changed: "
		n = split(d, parts, " ")
		for (i = 1; i <= n; i++) { sub(/^[+-][^:]*:/, "", parts[i]); w = w "|" parts[i] }
		return w
	}
	return "?" kind
}
FILENAME == ARGV[1] { num[$1] = $2; next }
FILENAME == ARGV[2] {
	if ($0 ~ /^#/ || $0 ~ /^[ \t]*$/) next
	ne++; ekind[ne] = $1; euid[ne] = $2
	d = $0; sub(/^[^ ]+ +[^ ]+ +/, "", d); sub(/ +$/, "", d); edet[ne] = d
	next
}
{
	sub(/^\f/, "")
	all = all " " $0
	if ($0 == "Changes by question") { on = 1; next }
	if (on && match($0, /^[0-9]+\.[0-9]+(\.[0-9]+)?(\.[a-z]+)?( |$)/)) {
		cur = substr($0, 1, RLENGTH); sub(/ $/, "", cur)
	}
	if (on && cur != "") sec[cur] = sec[cur] " " $0
}
END {
	gsub(/[ \t]+/, " ", all)
	for (k in sec) gsub(/[ \t]+/, " ", sec[k])
	for (i = 1; i <= ne; i++) {
		if (ekind[i] == "shifted") {
			split(edet[i], a, " -> ")
			text = all; w = a[1] " " a[2] " shifted"
		} else if (ekind[i] == "language") {
			text = all; w = want(ekind[i], euid[i], edet[i])
		} else {
			text = sec[num[euid[i]]]; w = want(ekind[i], euid[i], edet[i])
		}
		n = split(w, parts, "|"); okay = text != ""
		for (j = 1; j <= n; j++) if (index(text, parts[j]) == 0) okay = 0
		if (!okay) { bad++; print "missing: " ekind[i] " " euid[i] " " edet[i] " (looked for '" w "' at " num[euid[i]] ")" }
	}
	print ne " edits, " bad + 0 " missing"
	exit bad > 0
}
