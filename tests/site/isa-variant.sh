#!/bin/sh
# isa-variant.sh DIR - a copy of examples/isa in DIR with what the example
# itself lacks but the website must handle, for tests/t-site.sh and
# tests/t-browser.sh:
#   - section 1.1 of 1.1 has an introduction (with Markdown) and a change
#     note, in both languages;
#   - the questions of section 2.2 of 1.1 apply only to high and very
#     high protection needs, so that the objective filter, set to normal
#     protection needs, hides the whole section (and its row of the
#     requirements table).
# Fails when an edit finds nothing to change (the example moved on).
set -eu
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
cp -r "$(dirname "$0")/../../examples/isa/." "$dir"
v=$dir/isa/1.1

f=$v/01-policies.yaml
awk '
	{ print }
	!done && /^      de: Richtlinien$/ {
		print "    introduction:"
		print "      en: The rules the organisation *sets* for itself, and how they stay current."
		print "      de: Die Regeln, die sich die Organisation *selbst* gibt, und wie sie aktuell bleiben."
		print "    change_note:"
		print "      en: Now also holds the question on projects."
		print "      de: Enthält jetzt auch die Frage zu Projekten."
		done = 1
	}
	END { exit done ? 0 : 1 }
' "$f" >"$f.new"
mv "$f.new" "$f"

f=$v/02-people.yaml
awk '
	/^  - number: "2.2"$/ { on = 1 }
	on && /^        applies_to: \[normal, high, very-high, group\]$/ {
		sub(/\[normal, high, very-high, group\]/, "[high, very-high]")
		n++
	}
	{ print }
	END { exit n == 2 ? 0 : 1 }
' "$f" >"$f.new"
mv "$f.new" "$f"
