# Turns the JSON of `vcsc diff --format json` into one line per reported
# change, "kind uid detail", in the form of catalogue/vcsa/edits-1.0-1.1.txt;
# entries of the renumbering table placed "shifted" become "shifted" lines.
# Question lists as "a,b,c" by uid, "(none)" when empty.
def uids: if length == 0 then "(none)" else map(.uid) | join(",") end;
def detail($type):
  if .kind == "added" then "\($type) \(.new_number)"
  elif .kind == "removed" then "\($type) \(.old_number)"
  elif .kind == "withdrawn" then
    "\(.old_number) successor\(if (.successors | length) > 1 then "s" else "" end) \(.successors | uids)"
  elif .kind == "moved" or .kind == "renumbered" then "\(.old_number) -> \(.new_number)"
  elif .kind == "text" or .kind == "whitespace" or .kind == "formatting" then .field
  elif .kind == "translation-stale" then "\(.field) \(.language)"
  elif .kind == "level" then "\(.old) -> \(.new)"
  elif .kind == "applicability" then "\(.old | join(",")) -> \(.new | join(","))"
  elif .kind == "references" then ([.added[] | "+" + .] + [.removed[] | "-" + .]) | join(" ")
  elif .kind == "uid" then "\(.old) -> \(.new)"
  elif .kind == "successor" then "\(.old | uids) -> \(.new | uids)"
  else "?" end;
(.chapters[] | . as $c | .changes[] | "\(.kind) chapter-\($c.new_number // $c.old_number) \(detail("chapter"))"),
(.questions[] | . as $q |
  (.changes[] | "\(.kind) \($q.uid) \(detail("question"))"),
  (.requirements[] | . as $r | .changes[] | "\(.kind) \($r.uid) \(detail("requirement"))")),
(.renumbering[] | select(.place == "shifted") | "shifted \(.uid) \(.old_number) -> \(.new_number)")
