#!/bin/sh
# The main job (make run): compile the bundled catalogue into output/.
set -eu
cd "$(dirname "$0")/.."
out=${OUTPUT:-output}
mkdir -p "$out/json"

./vcsc check catalogue

for dir in catalogue/*/*/; do
	[ -f "$dir/version.yaml" ] || continue
	dir=${dir%/}
	ver=$(basename "$dir")
	cat=$(basename "$(dirname "$dir")")
	./vcsc export "$dir" --format json -o "$out/json/$cat-$ver.json"
done
echo "output: $(find "$out" -type f | wc -l) files under $out/"
