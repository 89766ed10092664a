# Checks the word boxes of `pdftotext -bbox FILE.pdf -`:
#  - no glyph closer than `edge` points to a page edge;
#  - if `left` and `right` are given (the side margins in points), no
#    glyph crosses them;
#  - body text stays between the top margin (`top` points) and the bottom
#    margin (`bottom` points): above and below it there is only the running
#    header and the footer, each a single line;
#  - every page has a footer, every page but the first a header;
#  - no two words overlap (by more than `lap` points each way). pdftotext
#    makes a word's box as tall as its font's ascent and descent, which
#    for a symbols font (a fallback for arrows) is far taller than its
#    glyphs: vertically, only the middle 70% of each box counts.
#
#   pdftotext -bbox f.pdf - | awk -v top=68 -v bottom=62 -v edge=10 \
#       [-v left=56.69 -v right=56.69] -f tests/pdf-bbox.awk
#
# Prints one line per problem (at most 20) and a summary; exits 1 on problems.

function attr(name,    s) {
	s = $0
	if (!match(s, name "=\"[^\"]*\"")) return ""
	s = substr(s, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
	return s + 0
}
function problem(msg) {
	errs++
	if (errs <= 20) print "page " page ": " msg
}
function flush_page(   i, j) {
	if (!page) return
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (X0[i] + lap < X1[j] && X0[j] + lap < X1[i] &&
			    Y0[i] + lap < Y1[j] && Y0[j] + lap < Y1[i])
				problem("'" T[i] "' and '" T[j] "' overlap")
	if (nf == 0) problem("no footer")
	if (page > 1 && nh == 0) problem("no running header")
	for (i = 1; i < nh; i++)
		if (hy[i] - hy[0] > 0.5 || hy[0] - hy[i] > 0.5)
			problem("more than the running header above the top margin: '" htext "'")
	for (i = 1; i < nf; i++)
		if (fy[i] - fy[0] > 0.5 || fy[0] - fy[i] > 0.5)
			problem("more than the footer below the bottom margin: '" ftext "'")
}
BEGIN { tol = 2; lap = 1.5; errs = 0; page = 0; words = 0 }
/<page / {
	flush_page()
	page++
	W = attr("width"); H = attr("height")
	nh = 0; nf = 0; htext = ""; ftext = ""; n = 0
}
/<word / {
	words++
	x0 = attr("xMin"); y0 = attr("yMin"); x1 = attr("xMax"); y1 = attr("yMax")
	w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
	X0[n] = x0; X1[n] = x1; T[n] = w
	Y0[n] = y0 + (y1 - y0) * 0.15; Y1[n] = y1 - (y1 - y0) * 0.15; n++
	if (x0 < edge || y0 < edge || x1 > W - edge || y1 > H - edge)
		problem("'" w "' lies within " edge "pt of the page edge")
	if (left != "" && x0 < left - tol)
		problem("'" w "' crosses the left margin (x=" x0 ")")
	if (right != "" && x1 > W - right + tol)
		problem("'" w "' crosses the right margin (x=" x1 ")")
	if (y1 <= top + tol) {
		hy[nh++] = y1; htext = htext " " w
	} else if (y0 >= H - bottom - tol) {
		fy[nf++] = y1; ftext = ftext " " w
	} else if (y0 < top - tol || y1 > H - bottom + tol) {
		problem("'" w "' runs into the header or footer area")
	}
}
END {
	flush_page()
	print page " pages, " words " words, " errs " problems"
	exit errs > 0
}
