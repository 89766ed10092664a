# Turns the JSON of `vcsc diff --format json` into one line per reported
# change, "kind uid detail", in the form of catalogue/vcsa/edits-1.0-1.1.txt
# (a chapter's "uid" is chapter-N, a section's its uid);
# entries of the renumbering table placed "shifted" become "shifted" lines.
# A change in a language other than the compared one names it after the
# field; a language whose status changed is "language LANG old -> new"
# ("absent" where a version lacks it).
# Question lists as "a,b,c" by uid, "(none)" when empty.
def uids: if length == 0 then "(none)" else map(.uid) | join(",") end;
def detail($type; $src):
  if .kind == "added" then "\($type) \(.new_number)"
  elif .kind == "removed" then "\($type) \(.old_number)"
  elif .kind == "withdrawn" then
    "\(.old_number) successor\(if (.successors | length) > 1 then "s" else "" end) \(.successors | uids)"
  elif .kind == "moved" or .kind == "renumbered" then "\(.old_number) -> \(.new_number)"
  elif .kind == "text" or .kind == "whitespace" or .kind == "formatting" then
    .field + (if .language != $src then " " + .language else "" end)
  elif .kind == "translation" then "\(.field) \(.language)"
  elif .kind == "translation-stale" then "\(.field) \(.language)"
  elif .kind == "level" then "\(.old) -> \(.new)"
  elif .kind == "applicability" then "\(.old | join(",")) -> \(.new | join(","))"
  elif .kind == "references" then ([.added[] | "+" + .] + [.removed[] | "-" + .]) | join(" ")
  elif .kind == "uid" then "\(.old) -> \(.new)"
  elif .kind == "successor" then "\(.old | uids) -> \(.new | uids)"
  else "?" end;
.language as $src |
(.languages[] | "\(.kind) \(.language) \(.old // "absent") -> \(.new // "absent")"),
(.chapters[] | . as $c | .changes[] | "\(.kind) chapter-\($c.new_number // $c.old_number) \(detail("chapter"; $src))"),
(.sections[] | . as $s | .changes[] | "\(.kind) \($s.uid) \(detail("section"; $src))"),
(.questions[] | . as $q |
  (.changes[] | "\(.kind) \($q.uid) \(detail("question"; $src))"),
  (.requirements[] | . as $r | .changes[] | "\(.kind) \($r.uid) \(detail("requirement"; $src))")),
(.renumbering[] | select(.place == "shifted") | "shifted \(.uid) \(.old_number) -> \(.new_number)")
