/*
 * catalogue.c - loading and checking one catalogue version: version.yaml
 * and one YAML file per chapter, against the scheme.
 *
 * Checks that need the whole version (numbering across files, uniqueness,
 * successors) run after every file is read, so one run reports every
 * problem it can find.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/md.h"
#include "front.h"

typedef struct vctx {
	fld_ctx c;
	const vc_scheme *s;
	vc_version *v;
	const char *root;   /* the catalogue root, for links (see model.h) */
	const char **langs; /* version language ids; [0] is the source */
	size_t nlangs;
	int partial_missing; /* notes held back for the current file */
	bool chapter_lost;   /* a chapter file could not be read at all */
	bool items_lost;     /* a chapter, section or question could not be
	                        read (or reading stopped): a uid it held is
	                        not known, and references to it are not
	                        judged */
	const char *cur_file;
	/* the keys of a requirement: the fixed ones, then the scheme's
	 * level ids (R_LEVELS + level index) */
	const char **req_keys;
	size_t nreq_keys;
	hmap uid_at;   /* uid -> srcpos* of the item that claimed it */
	size_t seccap; /* of the chapter being read */
	/* growable arrays while loading */
	vc_chapter *chapters;
	size_t nchapters, chcap;
} vctx;

/* ---- translations ---- */

/* Reports languages of the version that p lacks: an error for a language
 * marked complete, a note for a partial one. */
static void check_translations(vctx *x, const vc_prose *p, const char *key)
{
	if (!p->n)
		return;
	for (size_t i = 0; i < x->v->nlanguages; i++) {
		const vc_version_language *l = &x->v->languages[i];
		if (prose_get(p, l->id))
			continue;
		if (i == 0) {
			diag_error(x->c.d, p->pos,
			           "'%s' has no text in '%s', the source "
			           "language of this version",
			           key, l->id);
		} else if (l->complete) {
			diag_error(x->c.d, p->pos,
			           "'%s' has no '%s' translation, but language "
			           "'%s' is marked complete in version.yaml",
			           key, l->id, l->id);
		} else if (x->c.d->verbose) {
			diag_note(x->c.d, p->pos,
			          "'%s' has no '%s' translation yet (language "
			          "'%s' is partial)",
			          key, l->id, l->id);
		} else {
			x->partial_missing++;
		}
	}
}

static int prose(vctx *x, const ynode *map, const ynode *v, const char *key,
                 const char *what, bool required, vc_prose *out)
{
	int rc = front_prose(&x->c, map, v, key, what, required, x->langs,
	                     x->nlangs, out);
	if (rc == 0)
		check_translations(x, out, key);
	return rc;
}

/* ---- references ---- */

/* The digit runs of s: their number, and the length of each (at most
 * 8). */
static size_t digit_runs(const char *s, size_t len[8])
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		size_t k = strspn(p, "0123456789");
		if (k) {
			if (n < 8)
				len[n] = k;
			n++;
			p += k;
		} else {
			p++;
		}
	}
	return n;
}

/* s with every digit run padded with zeros to the length of the run of
 * the example in the same place (RQ-8-01 -> RQ-08-01 after RQ-05-01);
 * NULL when the runs do not correspond. Caller frees. */
static char *pad_like(const char *s, const char *example)
{
	size_t want[8], have[8];
	size_t n = digit_runs(example, want);
	if (n == 0 || n > 8 || digit_runs(s, have) != n)
		return NULL;
	buf b = {0};
	size_t run = 0;
	for (const char *p = s; *p;) {
		size_t k = strspn(p, "0123456789");
		if (!k) {
			buf_putc(&b, *p++);
			continue;
		}
		for (size_t i = k; i < want[run]; i++)
			buf_putc(&b, '0');
		buf_put(&b, p, k);
		p += k;
		run++;
	}
	return buf_detach(&b);
}

/* s with its separators (any character but a letter or digit) replaced
 * by the one the example uses, where it uses one kind only; NULL when
 * it does not. Caller frees. */
static char *separate_like(const char *s, const char *example)
{
	char sep = 0;
	for (const char *p = example; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (isalnum(ch))
			continue;
		if (sep && sep != *p)
			return NULL;
		sep = *p;
	}
	if (!sep)
		return NULL;
	buf b = {0};
	buf_puts(&b, "");
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool other = !isalnum(ch);
		if (other && (!b.len || b.data[b.len - 1] != sep))
			buf_putc(&b, sep);
		else if (!other)
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

/* What an identifier that does not match st's pattern was probably
 * meant to be: the same with the case of its letters changed, its
 * separators and the width of its numbers as in the standard's example,
 * whichever of these first matches. NULL when none does. Caller frees. */
static char *guess_reference(const vc_standard *st, const char *id)
{
	if (!st->example || strlen(id) > 64)
		return NULL;
	char *forms[3];
	forms[0] = xstrdup(id);
	forms[1] = xstrdup(id);
	forms[2] = xstrdup(id);
	for (char *p = forms[1]; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	for (char *p = forms[2]; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	char *found = NULL;
	for (int f = 0; f < 3 && !found; f++) {
		for (int step = 0; step < 4 && !found; step++) {
			char *t = xstrdup(forms[f]);
			if (step & 1) {
				char *u = separate_like(t, st->example);
				free(t);
				t = u;
			}
			if (t && (step & 2)) {
				char *u = pad_like(t, st->example);
				free(t);
				t = u;
			}
			if (t && strcmp(t, id) != 0 &&
			    regexec(&st->re, t, 0, NULL, 0) == 0)
				found = t;
			else
				free(t);
		}
	}
	for (int f = 0; f < 3; f++)
		free(forms[f]);
	return found;
}

/* Reports identifier it of st that does not match the pattern. */
static void bad_reference(vctx *x, const vc_standard *st, const ynode *it)
{
	char *guess = guess_reference(st, it->str);
	if (guess && st->example)
		diag_error(x->c.d, it->pos,
		           "'%s' is not a valid %s identifier; they are "
		           "written like %s; did you mean '%s'?",
		           it->str, st->title, st->example, guess);
	else if (st->example)
		diag_error(x->c.d, it->pos,
		           "'%s' is not a valid %s identifier; they are "
		           "written like %s",
		           it->str, st->title, st->example);
	else
		diag_error(x->c.d, it->pos,
		           "'%s' is not a valid %s identifier (expected the "
		           "form %s)",
		           it->str, st->title, st->pattern);
	free(guess);
}

static void read_refs(vctx *x, const ynode *v, vc_ref **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (!fld_present(v))
		return;
	if (v->kind != YN_MAP) {
		diag_error(x->c.d, v->pos,
		           "'references' must map a standard to a list of "
		           "identifiers (iso-sae-21434: [RQ-05-01]), not %s",
		           yn_kind_name(v));
		return;
	}
	size_t total = 0;
	for (size_t i = 0; i < v->n; i++) {
		const ynode *l = v->items[2 * i + 1];
		total += l->kind == YN_SEQ ? l->n : 1;
	}
	vc_ref *refs = arena_alloc(x->c.a, (total + 1) * sizeof(vc_ref));
	size_t n = 0;
	const char **ids = xmalloc((x->s->nstandards + 1) * sizeof(char *));
	for (size_t i = 0; i < x->s->nstandards; i++)
		ids[i] = x->s->standards[i].id;
	for (size_t i = 0; i < v->n; i++) {
		const ynode *k = v->items[2 * i], *l = v->items[2 * i + 1];
		const vc_standard *st = model_standard(x->s, k->str);
		if (!st && fld_misplaced_key(&x->c, v, k->str, k->pos))
			continue;
		if (!st) {
			const char *sg = suggest(k->str, ids, x->s->nstandards);
			/* a standard named by its title (ISO/SAE 21434) */
			for (size_t m = 0; !sg && m < x->s->nstandards; m++) {
				const char *t = x->s->standards[m].title;
				if (suggest(k->str, &t, 1))
					sg = ids[m];
			}
			buf b = {0};
			for (size_t m = 0; m < x->s->nstandards; m++)
				buf_printf(&b, "%s%s", m ? ", " : "", ids[m]);
			if (sg)
				diag_error(x->c.d, k->pos,
				           "unknown standard '%s'; did you "
				           "mean '%s'?",
				           k->str, sg);
			else
				diag_error(x->c.d, k->pos,
				           "unknown standard '%s'; the scheme "
				           "defines %s",
				           k->str, b.data);
			buf_free(&b);
			continue;
		}
		if (l->kind != YN_SEQ) {
			diag_error(x->c.d, l->pos,
			           "references to %s must be a list of "
			           "identifiers, not %s",
			           st->title, yn_kind_name(l));
			continue;
		}
		size_t first = n;
		for (size_t j = 0; j < l->n; j++) {
			const ynode *it = l->items[j];
			if (it->kind != YN_SCALAR || yn_is_null(it)) {
				diag_error(x->c.d, it->pos,
				           "a reference must be an identifier "
				           "such as %s, not %s",
				           st->example ? st->example
				                       : "RQ-05-01",
				           yn_kind_name(it));
				continue;
			}
			if (regexec(&st->re, it->str, 0, NULL, 0) != 0) {
				bad_reference(x, st, it);
				continue;
			}
			bool dup = false;
			for (size_t m = first; m < n; m++)
				dup |= strcmp(refs[m].id, it->str) == 0;
			if (dup) {
				diag_warning(x->c.d, it->pos,
				             "reference '%s' is listed twice",
				             it->str);
				continue;
			}
			refs[n].standard = st;
			refs[n].id = arena_strdup(x->c.a, it->str);
			refs[n].pos = it->pos;
			n++;
		}
	}
	free(ids);
	*out = refs;
	*nout = n;
}

/* ---- identifiers ---- */

/* Registers uid for item; reports a bad or repeated one. */
/* Claims uid for item (a question, requirement or section, which go
 * into kind_map too): uids are unique across all three kinds. */
static bool claim_uid(vctx *x, const ynode *node, const char *uid, void *item,
                      srcpos item_pos, hmap *kind_map)
{
	if (!fld_is_uid(uid)) {
		diag_error(x->c.d, node->pos,
		           "uid '%s' must be lowercase letters and digits in "
		           "groups joined by single hyphens, at most 48 "
		           "characters (e.g. 'org-policy')",
		           uid);
		return false;
	}
	const srcpos *prev = hmap_get(&x->uid_at, uid);
	if (prev) {
		srcpos pp = *prev;
		if (pp.file == item_pos.file)
			diag_error(x->c.d, node->pos,
			           "duplicate uid '%s' (first used at line "
			           "%d); every question and requirement needs "
			           "its own",
			           uid, pp.line);
		else
			diag_error(x->c.d, node->pos,
			           "duplicate uid '%s' (first used at %s:%d); "
			           "every question and requirement needs its "
			           "own",
			           uid, pp.file, pp.line);
		return false;
	}
	const char *key = arena_strdup(x->c.a, uid);
	srcpos *at = arena_memdup(x->c.a, &item_pos, sizeof(item_pos));
	hmap_put(&x->uid_at, key, at);
	if (kind_map != &x->v->s_by_uid)
		hmap_put(&x->v->by_uid, key, item);
	hmap_put(kind_map, key, item);
	return true;
}

/* Reads the uid v of item (a question, requirement or section, named
 * what in messages) and claims it; a missing one is reported with the
 * command that adds it. Returns the uid, or NULL. */
static const char *read_uid(vctx *x, const ynode *map, const ynode *v,
                            const char *what, void *item, srcpos item_pos,
                            hmap *kind_map, srcpos *uid_pos)
{
	*uid_pos = v ? v->pos : map->pos;
	if (!fld_present(v)) {
		diag_error(x->c.d, map->pos,
		           "missing required key 'uid' in %s; 'vcsc check "
		           "--fix-ids %s' adds the missing uids",
		           what, x->v->dir);
		return NULL;
	}
	const char *uid = fld_str(&x->c, map, v, "uid", what, true);
	if (uid && claim_uid(x, v, uid, item, item_pos, kind_map))
		return arena_strdup(x->c.a, uid);
	return NULL;
}

/* ---- requirements ---- */

enum { R_LETTER, R_LABEL, R_UID, R_APPLIES, R_REFS, R_NOTE, R_LEVELS };
static const char *const req_fixed[R_LEVELS] = {
    "letter", "label", "uid", "applies_to", "references", "change_note"};

static void make_req_keys(vctx *x)
{
	x->nreq_keys = R_LEVELS + x->s->nlevels;
	x->req_keys = arena_alloc(x->c.a, x->nreq_keys * sizeof(char *));
	for (size_t i = 0; i < R_LEVELS; i++)
		x->req_keys[i] = req_fixed[i];
	for (size_t i = 0; i < x->s->nlevels; i++)
		x->req_keys[R_LEVELS + i] = x->s->levels[i].id;
}

/* The label that counts on after prev as letters do (b after a) or as
 * lowercase roman numerals do (ii after i): published catalogues use
 * both, and "i" may be either. Writes up to two candidates into next. */
static size_t next_labels(const char *prev, char next[2][16])
{
	static const char *const roman[] = {
	    "i",    "ii",  "iii",  "iv",    "v",   "vi",   "vii",
	    "viii", "ix",  "x",    "xi",    "xii", "xiii", "xiv",
	    "xv",   "xvi", "xvii", "xviii", "xix", "xx"};
	size_t n = 0;
	if (!prev) {
		snprintf(next[n++], 16, "a");
		snprintf(next[n++], 16, "i");
		return n;
	}
	if (strlen(prev) == 1 && prev[0] >= 'a' && prev[0] < 'z')
		snprintf(next[n++], 16, "%c", prev[0] + 1);
	for (size_t i = 0; i + 1 < COUNT_OF(roman); i++)
		if (strcmp(prev, roman[i]) == 0)
			snprintf(next[n++], 16, "%s", roman[i + 1]);
	return n;
}

/* Checks the label of requirement number seq of q, after prev (NULL for
 * the first). A scheme whose labels count strictly wants a, b, c ...;
 * otherwise a label that does not count on from prev is a warning, since
 * published catalogues skip letters and mix numerals. */
static void check_label_order(vctx *x, const vc_question *q, const ynode *at,
                              const char *label, const char *prev, size_t seq)
{
	if (x->s->labels_strict) {
		char expect = (char)('a' + seq);
		if (seq >= 26)
			diag_error(x->c.d, at->pos,
			           "question %s has more than 26 requirements, "
			           "but the scheme's labels count a to z "
			           "(requirement_labels: sequence: free allows "
			           "others)",
			           q->number);
		else if (strlen(label) != 1 || label[0] == expect)
			; /* the pattern or the match said all */
		else if (label[0] < expect)
			diag_error(x->c.d, at->pos,
			           "requirement letter '%c' repeats or goes "
			           "back; expected '%c'",
			           label[0], expect);
		else
			diag_error(x->c.d, at->pos,
			           "requirement letter '%c' skips; expected "
			           "'%c' (letters count a, b, c ... without "
			           "gaps)",
			           label[0], expect);
		if (seq < 26 && strlen(label) != 1)
			diag_error(x->c.d, at->pos,
			           "requirement label '%s' is not '%c'; the "
			           "scheme's labels count a, b, c ... without "
			           "gaps",
			           label, expect);
		return;
	}
	char next[2][16];
	size_t n = next_labels(prev, next);
	for (size_t i = 0; i < n; i++)
		if (strcmp(label, next[i]) == 0)
			return;
	if (!prev)
		diag_warning(x->c.d, at->pos,
		             "question %s's first requirement is labelled "
		             "'%s', not 'a'",
		             q->number, label);
	else if (n && strlen(label) == 1 && strlen(prev) == 1 &&
	         label[0] > prev[0])
		diag_warning(x->c.d, at->pos,
		             "requirement label '%s' of question %s skips "
		             "after '%s' (expected '%s'); check that the gap "
		             "is as published",
		             label, q->number, prev, next[0]);
	else
		diag_warning(x->c.d, at->pos,
		             "requirement label '%s' of question %s does not "
		             "count on from '%s' (expected %s%s%s%s%s)",
		             label, q->number, prev, n ? "'" : "a later label",
		             n ? next[0] : "", n ? "'" : "",
		             n > 1 ? " or '" : "", n > 1 ? next[1] : "");
}

/* Reads the label ('label', or 'letter' as vcsc's first catalogues
 * wrote it) of requirement seq of q. */
static const char *read_label(vctx *x, vc_question *q, const ynode *node,
                              ynode **f, size_t seq, const char *what)
{
	const ynode *lf = f[R_LABEL] ? f[R_LABEL] : f[R_LETTER];
	const char *key = f[R_LABEL] ? "label" : "letter";
	if (f[R_LABEL] && f[R_LETTER]) {
		diag_error(x->c.d, f[R_LETTER]->pos,
		           "%s has both 'label' and 'letter'; keep 'label' "
		           "('letter' is its older name)",
		           what);
	}
	if (!fld_present(lf)) {
		fld_missing(&x->c, node, "label", what);
		return NULL;
	}
	const char *label = fld_str(&x->c, node, lf, key, what, true);
	if (!label)
		return NULL;
	if (regexec(&x->s->label_re, label, 0, NULL, 0) != 0) {
		if (strcmp(x->s->label_pattern, "[a-z]") == 0)
			diag_error(x->c.d, lf->pos,
			           "'%s' must be one lowercase letter a to z, "
			           "not '%s'",
			           key, label);
		else
			diag_error(x->c.d, lf->pos,
			           "requirement label '%s' does not match the "
			           "scheme's label pattern '%s'",
			           label, x->s->label_pattern);
		return NULL;
	}
	for (size_t i = 0; i < q->nreqs; i++)
		if (strcmp(q->reqs[i].letter, label) == 0) {
			diag_error(x->c.d, lf->pos,
			           "question %s has two requirements labelled "
			           "'%s' (the first at line %d)",
			           q->number, label, q->reqs[i].pos.line);
			return NULL;
		}
	check_label_order(x, q, lf, label,
	                  q->nreqs ? q->reqs[q->nreqs - 1].letter : NULL, seq);
	return label;
}

static int read_requirement(vctx *x, vc_question *q, const ynode *node,
                            vc_requirement *r, size_t seq)
{
	/* Named as the user will read it: by the label the node gives, or
	 * by the letter it should have. */
	char what[96];
	const ynode *lg =
	    node->kind == YN_MAP ? yn_map_get(node, "label") : NULL;
	if (!lg && node->kind == YN_MAP)
		lg = yn_map_get(node, "letter");
	if (lg && lg->kind == YN_SCALAR && lg->len && lg->len < 16 &&
	    strlen(lg->str) == lg->len)
		snprintf(what, sizeof(what), "requirement %s.%s",
		         q->number ? q->number : "?", lg->str);
	else
		snprintf(what, sizeof(what), "requirement %s.%c",
		         q->number ? q->number : "?",
		         seq < 26 ? (int)('a' + seq) : '?');
	ynode **f = xcalloc(x->nreq_keys, sizeof(ynode *));
	if (fld_map(&x->c, node, what, x->req_keys, x->nreq_keys, f) < 0) {
		free(f);
		return -1;
	}
	r->pos = node->pos;
	r->question = q;
	r->seq = seq;
	const char *label = read_label(x, q, node, f, seq, what);
	char fallback[24];
	snprintf(fallback, sizeof(fallback), "%c",
	         seq < 26 ? (int)('a' + seq) : '?');
	r->letter = arena_strdup(x->c.a, label ? label : fallback);
	r->label = arena_printf(x->c.a, "%s.%s", q->number ? q->number : "?",
	                        r->letter);
	snprintf(what, sizeof(what), "requirement %s", r->label);
	r->uid = read_uid(x, node, f[R_UID], what, r, r->pos, &x->v->r_by_uid,
	                  &r->uid_pos);
	const vc_scheme *s = x->s;
	r->texts = arena_alloc(x->c.a, (s->nlevels + 1) * sizeof(vc_prose));
	r->ntexts = s->nlevels;
	bool any = false;
	for (size_t l = 0; l < s->nlevels; l++) {
		const ynode *t = f[R_LEVELS + l];
		prose(x, node, t, s->levels[l].id, what, false, &r->texts[l]);
		any |= fld_present(t);
	}
	if (!any) {
		buf b = {0};
		for (size_t l = 0; l < s->nlevels; l++)
			buf_printf(&b, "%s'%s'",
			           l == 0 ? ""
			           : l + 1 == s->nlevels
			               ? (l == 1 ? " nor " : ", nor ")
			               : ", ",
			           s->levels[l].id);
		diag_error(x->c.d, node->pos,
		           "%s has %s%s; a requirement states at least one",
		           what, s->nlevels > 1 ? "neither " : "no ",
		           b.data ? b.data : "text");
		buf_free(&b);
	}
	r->applies_to = q->applies_to;
	if (fld_present(f[R_APPLIES])) {
		vc_objset set;
		if (front_objset(&x->c, x->s, node, f[R_APPLIES], "applies_to",
		                 what, false, &set) == 0) {
			vc_objset extra = set & ~q->applies_to;
			if (extra && q->applies_to) {
				char *e =
				    model_objset_string(x->s, extra, ", ");
				diag_error(x->c.d, f[R_APPLIES]->pos,
				           "%s applies to %s, but its question "
				           "does not; a requirement can only "
				           "narrow its question's objectives",
				           what, e);
				free(e);
			}
			r->applies_to = set & q->applies_to;
			r->narrowed = true;
		}
	}
	/* A text at a level that applies to none of the requirement's
	 * objectives would never be shown. */
	for (size_t l = 0; l < s->nlevels; l++)
		if (fld_present(f[R_LEVELS + l]) && r->applies_to &&
		    !(r->applies_to & s->levels[l].applies_to)) {
			char *lo = model_objset_string(
			    s, s->levels[l].applies_to, ", ");
			diag_warning(
			    x->c.d, f[R_LEVELS + l]->pos,
			    "%s's '%s' text is never shown: the level "
			    "applies only to %s, which the requirement "
			    "does not",
			    what, s->levels[l].id, lo);
			free(lo);
		}
	read_refs(x, f[R_REFS], &r->refs, &r->nrefs);
	prose(x, node, f[R_NOTE], "change_note", what, false, &r->change_note);
	free(f);
	return 0;
}

/* ---- questions ---- */

enum {
	Q_NUMBER,
	Q_UID,
	Q_TITLE,
	Q_QUESTION,
	Q_OBJECTIVE,
	Q_APPLIES,
	Q_REQS,
	Q_REFS,
	Q_FURTHER,
	Q_EVIDENCE,
	Q_WITHDRAWN,
	Q_SUCCESSOR,
	Q_NOTE,
	Q_N
};
static const char *const q_keys[Q_N] = {
    "number",       "uid",        "title",
    "question",     "objective",  "applies_to",
    "requirements", "references", "further_information",
    "evidence",     "withdrawn",  "successor",
    "change_note"};

/* Parses a number of n dot-separated parts ("1.2", "1.6.3") into parts:
 * each 1 to 999, without leading zeros. Returns false if s is not of
 * that form. */
static bool parse_number(const char *s, int *parts, int n)
{
	const char *p = s;
	for (int i = 0; i < n; i++) {
		size_t len = strspn(p, "0123456789");
		if (len == 0 || len > 3 || p[0] == '0')
			return false;
		parts[i] = atoi(p);
		p += len;
		if (i + 1 < n && *p++ != '.')
			return false;
	}
	return *p == '\0';
}

/* A withdrawn question's successor: one uid, or a list of them when the
 * question was split (the ISA supersedes a question by three). */
static void read_successors(vctx *x, const ynode *node, const ynode *v,
                            vc_question *q, const char *what)
{
	if (!fld_present(v)) {
		fld_missing(&x->c, node, "successor", what);
		return;
	}
	const ynode *const *items = &v;
	size_t n = 1;
	if (v->kind == YN_SEQ) {
		if (v->n == 0) {
			diag_error(x->c.d, v->pos,
			           "'successor' is an empty list; name the "
			           "question (or questions) taking its place");
			return;
		}
		items = (const ynode *const *)v->items;
		n = v->n;
	}
	q->successor_uids = arena_alloc(x->c.a, n * sizeof(char *));
	q->successor_pos = arena_alloc(x->c.a, n * sizeof(srcpos));
	q->successors = arena_alloc(x->c.a, n * sizeof(vc_question *));
	for (size_t i = 0; i < n; i++) {
		const char *u =
		    fld_str(&x->c, node, items[i], "successor", what, true);
		if (!u)
			continue;
		for (size_t k = 0; k < q->nsuccessors; k++)
			if (strcmp(q->successor_uids[k], u) == 0) {
				diag_error(x->c.d, items[i]->pos,
				           "successor '%s' is listed twice", u);
				u = NULL;
				break;
			}
		if (!u)
			continue;
		q->successor_uids[q->nsuccessors] = arena_strdup(x->c.a, u);
		q->successor_pos[q->nsuccessors] = items[i]->pos;
		q->nsuccessors++;
	}
}

/* Where a numbered item (a question, or a section) stands: its parent's
 * number ("1", or the section's "1.6"; NULL when the parent's own number
 * could not be read), what the parent is called ("chapter 1", "section
 * 1.6"), and the position the next item must have. */
typedef struct numbering {
	const char *prefix;
	const char *parent;
	int expect;
} numbering;

/* Checks the number node v of an item of kind ("question", "section"),
 * written with nparts parts whose last counts within its parent; parts
 * receives them. Returns the number ("1.2", "1.6.3"), or NULL when it
 * cannot be read (parts[nparts - 1] is then the position assumed).
 * prev, if not NULL, finds an earlier item of the same number. */
static const char *check_number(vctx *x, const ynode *v, const char *kind,
                                int nparts, numbering *nb, int *parts,
                                const srcpos *(*prev)(vctx *, const char *))
{
	static const char *const forms[] = {"", "", "N.M", "N.M.K"};
	static const char *const said[] = {"", "", "chapter and position",
	                                   "chapter, section and position"};
	const char *num = v ? v->str : NULL;
	const char *prefix = nb->prefix ? nb->prefix : "1";
	if (!num || !parse_number(num, parts, nparts)) {
		if (num)
			diag_error(
			    x->c.d, v->pos,
			    "%s number '%s' must be written %s, %s (e.g. "
			    "'%s.1')",
			    kind, num, forms[nparts], said[nparts], prefix);
		parts[nparts - 1] = nb->expect++;
		return NULL;
	}
	const char *number = arena_strdup(x->c.a, num);
	int m = parts[nparts - 1];
	size_t own = (size_t)(strrchr(number, '.') - number);
	if (nb->prefix &&
	    (strlen(nb->prefix) != own || strncmp(number, nb->prefix, own))) {
		diag_error(x->c.d, v->pos,
		           "%s %s is in %s; its number must start with '%s.'",
		           kind, number, nb->parent, nb->prefix);
	} else if (m != nb->expect) {
		const srcpos *pp = prev ? prev(x, number) : NULL;
		if (pp)
			diag_error(x->c.d, v->pos,
			           "duplicate %s number %s (first used at line "
			           "%d)",
			           kind, number, pp->line);
		else if (m < nb->expect)
			diag_error(x->c.d, v->pos,
			           "%s number %s goes back; expected %s.%d",
			           kind, number, prefix, nb->expect);
		else
			diag_error(x->c.d, v->pos,
			           "%s number %s skips; expected %s.%d%s", kind,
			           number, prefix, nb->expect,
			           strcmp(kind, "question") == 0
			               ? " (withdrawn questions keep their "
			                 "number as a placeholder)"
			               : "");
	}
	nb->expect = m + 1;
	return number;
}

static const srcpos *question_at(vctx *x, const char *number)
{
	const vc_question *q = model_question_by_number(x->v, number);
	return q ? &q->pos : NULL;
}

static int read_question(vctx *x, vc_chapter *ch, vc_section *sec,
                         const ynode *node, vc_question *q, numbering *nb)
{
	ynode *f[Q_N];
	if (fld_map(&x->c, node, "a control question", q_keys, Q_N, f) < 0)
		return -1;
	q->pos = node->pos;
	q->chapter = ch;
	q->section = sec;
	q->chapter_no = ch->number;
	q->section_no = sec ? sec->seq : 0;
	char what[64] = "a control question";

	const char *num =
	    fld_str(&x->c, node, f[Q_NUMBER], "number", what, true);
	int parts[3] = {0, 0, 0}, np = sec ? 3 : 2;
	q->number = check_number(x, num ? f[Q_NUMBER] : NULL, "question", np,
	                         nb, parts, question_at);
	q->seq = parts[np - 1];
	if (q->number) {
		q->chapter_no = parts[0];
		q->section_no = sec ? parts[1] : 0;
		snprintf(what, sizeof(what), "question %s", q->number);
		fld_rename(&x->c, node, what);
		if (!model_question_by_number(x->v, q->number))
			hmap_put(&x->v->q_by_number, q->number, q);
	} else {
		q->number = arena_printf(x->c.a, "%s.%d",
		                         nb->prefix ? nb->prefix : "0", q->seq);
	}
	q->uid = read_uid(x, node, f[Q_UID], what, q, q->pos, &x->v->q_by_uid,
	                  &q->uid_pos);

	fld_bool(&x->c, f[Q_WITHDRAWN], "withdrawn", &q->withdrawn);
	prose(x, node, f[Q_TITLE], "title", what, !q->withdrawn, &q->title);
	prose(x, node, f[Q_NOTE], "change_note", what, false, &q->change_note);
	if (q->withdrawn) {
		static const int not_for_withdrawn[] = {
		    Q_QUESTION, Q_OBJECTIVE, Q_APPLIES, Q_REQS,
		    Q_REFS,     Q_FURTHER,   Q_EVIDENCE};
		for (size_t i = 0; i < COUNT_OF(not_for_withdrawn); i++) {
			const ynode *k = f[not_for_withdrawn[i]];
			if (k)
				diag_error(x->c.d, k->pos,
				           "withdrawn %s keeps only number, "
				           "uid, title, successor and "
				           "change_note; remove '%s'",
				           what, q_keys[not_for_withdrawn[i]]);
		}
		read_successors(x, node, f[Q_SUCCESSOR], q, what);
		return 0;
	}
	if (fld_present(f[Q_SUCCESSOR]))
		diag_error(x->c.d, f[Q_SUCCESSOR]->pos,
		           "'successor' is only for withdrawn questions; add "
		           "'withdrawn: true' or remove it");
	prose(x, node, f[Q_QUESTION], "question", what, true, &q->question);
	prose(x, node, f[Q_OBJECTIVE], "objective", what, true, &q->objective);
	front_objset(&x->c, x->s, node, f[Q_APPLIES], "applies_to", what, true,
	             &q->applies_to);
	prose(x, node, f[Q_FURTHER], "further_information", what, false,
	      &q->further);
	prose(x, node, f[Q_EVIDENCE], "evidence", what, false, &q->evidence);
	read_refs(x, f[Q_REFS], &q->refs, &q->nrefs);

	const ynode *rl = f[Q_REQS];
	if (!fld_present(rl)) {
		fld_missing(&x->c, node, "requirements", what);
		return 0;
	}
	if (!fld_list(&x->c, rl, "requirements"))
		return 0;
	if (rl->n == 0) {
		diag_error(x->c.d, rl->pos,
		           "%s has no requirements; list at least one", what);
		return 0;
	}
	if (rl->n > VC_MAX_REQUIREMENTS) {
		diag_error(x->c.d, rl->items[VC_MAX_REQUIREMENTS]->pos,
		           "%s has %zu requirements; at most %d are possible",
		           what, rl->n, VC_MAX_REQUIREMENTS);
		return 0;
	}
	q->reqs = arena_alloc(x->c.a, rl->n * sizeof(vc_requirement));
	for (size_t i = 0; i < rl->n; i++) {
		if (read_requirement(x, q, rl->items[i], &q->reqs[q->nreqs],
		                     q->nreqs) == 0)
			q->nreqs++;
	}
	return 0;
}

/* ---- chapter files ---- */

/* A chapter lists its questions, or, where the scheme numbers questions
 * N.M.K, its sections (C_QUESTIONS then reads "sections"). */
enum { C_CHAPTER, C_TITLE, C_INTRO, C_QUESTIONS, C_N };
static const char *const ch_keys[C_N] = {"chapter", "title", "introduction",
                                         "questions"};
static const char *const ch_keys_sections[C_N] = {"chapter", "title",
                                                  "introduction", "sections"};

/* Reads the questions listed in ql into the chapter (and section sec),
 * numbered within nb. */
static void read_questions(vctx *x, vc_chapter *ch, vc_section *sec,
                           const ynode *ql, numbering *nb, size_t *cap)
{
	for (size_t i = 0; i < ql->n; i++) {
		if (diags_full(x->c.d)) {
			x->items_lost = true;
			break;
		}
		vc_question *q = arena_alloc(x->c.a, sizeof(*q));
		if (read_question(x, ch, sec, ql->items[i], q, nb) != 0) {
			x->items_lost = true;
			continue;
		}
		VEC_PUSH(ch->questions, ch->nquestions, *cap, q);
		if (sec)
			sec->questions[sec->nquestions++] = q;
	}
}

enum {
	SEC_NUMBER,
	SEC_UID,
	SEC_TITLE,
	SEC_INTRO,
	SEC_QUESTIONS,
	SEC_NOTE,
	SEC_N
};
static const char *const sec_keys[SEC_N] = {
    "number", "uid", "title", "introduction", "questions", "change_note"};

static void read_section(vctx *x, vc_chapter *ch, const ynode *node,
                         numbering *nb, size_t *qcap)
{
	ynode *f[SEC_N];
	if (fld_map(&x->c, node, "a section", sec_keys, SEC_N, f) < 0) {
		x->items_lost = true;
		return;
	}
	vc_section *sec = arena_alloc(x->c.a, sizeof(*sec));
	sec->pos = node->pos;
	sec->chapter = ch;
	sec->chapter_no = ch->number;
	char what[64] = "a section";
	const char *num =
	    fld_str(&x->c, node, f[SEC_NUMBER], "number", what, true);
	int parts[2] = {0, 0};
	sec->number = check_number(x, num ? f[SEC_NUMBER] : NULL, "section", 2,
	                           nb, parts, NULL);
	sec->seq = parts[1];
	if (!sec->number)
		sec->number = arena_printf(
		    x->c.a, "%s.%d", nb->prefix ? nb->prefix : "0", sec->seq);
	else
		snprintf(what, sizeof(what), "section %s", sec->number);
	fld_rename(&x->c, node, what);
	sec->uid = read_uid(x, node, f[SEC_UID], what, sec, sec->pos,
	                    &x->v->s_by_uid, &sec->uid_pos);
	prose(x, node, f[SEC_TITLE], "title", what, true, &sec->title);
	prose(x, node, f[SEC_INTRO], "introduction", what, false,
	      &sec->introduction);
	prose(x, node, f[SEC_NOTE], "change_note", what, false,
	      &sec->change_note);
	const ynode *ql = f[SEC_QUESTIONS];
	if (!fld_present(ql)) {
		fld_missing(&x->c, node, "questions", what);
	} else if (fld_list(&x->c, ql, "questions")) {
		if (ql->n == 0)
			diag_warning(x->c.d, ql->pos, "%s has no questions",
			             what);
		sec->questions =
		    arena_alloc(x->c.a, ql->n * sizeof(vc_question *) + 1);
		numbering qn = {sec->number,
		                arena_printf(x->c.a, "section %s", sec->number),
		                1};
		read_questions(x, ch, sec, ql, &qn, qcap);
	}
	grow_array((void **)&ch->sections, &x->seccap, ch->nsections + 1,
	           sizeof(*ch->sections));
	ch->sections[ch->nsections++] = sec;
}

static void load_chapter(vctx *x, const char *path)
{
	ynode *root = yn_load_file(x->c.a, x->c.d, path);
	if (!root) {
		x->chapter_lost = true;
		return;
	}
	x->partial_missing = 0;
	ynode *f[C_N];
	const char *const *keys = x->s->sections ? ch_keys_sections : ch_keys;
	if (fld_map(&x->c, root, "a chapter file", keys, C_N, f) < 0) {
		x->chapter_lost = true;
		return;
	}
	vc_chapter ch;
	memset(&ch, 0, sizeof(ch));
	ch.pos = root->pos;
	ch.file = root->pos.file;
	long num;
	if (fld_int(&x->c, root, f[C_CHAPTER], "chapter", "a chapter file",
	            true, 1, 99, &num) == 0) {
		ch.number = (int)num;
		ch.pos = f[C_CHAPTER]->pos;
	}
	prose(x, root, f[C_TITLE], "title", "a chapter file", true, &ch.title);
	prose(x, root, f[C_INTRO], "introduction", "a chapter file", false,
	      &ch.introduction);
	numbering nb = {ch.number ? arena_printf(x->c.a, "%d", ch.number)
	                          : NULL,
	                arena_printf(x->c.a, "chapter %d", ch.number), 1};
	size_t qcap = 0;
	x->seccap = 0;
	const ynode *ql = f[C_QUESTIONS];
	if (!fld_present(ql)) {
		fld_missing(&x->c, root, keys[C_QUESTIONS], "a chapter file");
	} else if (fld_list(&x->c, ql, keys[C_QUESTIONS])) {
		if (ql->n == 0)
			diag_warning(x->c.d, ql->pos, "chapter %d has no %s",
			             ch.number, keys[C_QUESTIONS]);
		for (size_t i = 0; x->s->sections && i < ql->n; i++)
			read_section(x, &ch, ql->items[i], &nb, &qcap);
		if (!x->s->sections)
			read_questions(x, &ch, NULL, ql, &nb, &qcap);
	}
	if (x->partial_missing)
		diag_note(x->c.d, pos_at(root->pos.file, 0, 0),
		          "%d text%s lack a translation into a language "
		          "marked partial (--verbose lists them)",
		          x->partial_missing,
		          x->partial_missing == 1 ? "" : "s");
	VEC_PUSH(x->chapters, x->nchapters, x->chcap, ch);
}

/* ---- version.yaml ---- */

enum {
	V_CATALOGUE,
	V_VERSION,
	V_TITLE,
	V_STATUS,
	V_RELEASED,
	V_PRED,
	V_LICENCE,
	V_SUMMARY,
	V_LANGUAGES,
	V_N
};
static const char *const v_keys[V_N] = {"catalogue", "version",  "title",
                                        "status",    "released", "predecessor",
                                        "licence",   "summary",  "languages"};

static bool is_version_id(const char *s)
{
	if (!*s || strlen(s) > 32)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		      *p == '.' || *p == '-'))
			return false;
	return s[0] != '.' && s[0] != '-';
}

const char *model_version_id_problem(const char *id)
{
	if (!is_version_id(id))
		return "may hold only digits, lowercase letters, '.' and '-' "
		       "(at most 32 characters, not starting with '.' or '-')";
	if (strcmp(id, "latest") == 0)
		return "is reserved: the site publishes the newest release of "
		       "a catalogue under CATALOGUE/latest/; choose another id";
	if (strcmp(id, "q") == 0)
		return "is reserved: the site keeps a link per uid under "
		       "CATALOGUE/q/; choose another id";
	if (strcmp(id, "index.html") == 0)
		return "is reserved: the site writes CATALOGUE/index.html; "
		       "choose another id";
	return NULL;
}

const char *model_catalogue_id_problem(const vc_scheme *s, const char *id)
{
	if (!fld_is_uid(id))
		return "must be lowercase letters, digits and hyphens";
	if (strcmp(id, "assets") == 0 || strcmp(id, "downloads") == 0)
		return "is reserved: the site keeps a folder of that name "
		       "beside the catalogues; choose another id";
	if (s && model_language(s, id))
		return "is also a language id of the scheme, and the site "
		       "keeps a folder per language beside the catalogues; "
		       "choose another id";
	return NULL;
}

static void read_languages(vctx *x, const ynode *root, const ynode *v)
{
	static const char *const keys[] = {"id", "status"};
	static const char *const st[] = {"complete", "partial"};
	if (!fld_present(v)) {
		fld_missing(&x->c, root, "languages", "version.yaml");
		return;
	}
	if (!fld_list(&x->c, v, "languages"))
		return;
	if (v->n == 0) {
		diag_error(x->c.d, v->pos,
		           "'languages' is empty; list at "
		           "least the source language");
		return;
	}
	x->v->languages =
	    arena_alloc(x->c.a, v->n * sizeof(vc_version_language));
	const char **sl = xmalloc(x->s->nlanguages * sizeof(char *) + 1);
	for (size_t i = 0; i < x->s->nlanguages; i++)
		sl[i] = x->s->languages[i].id;
	for (size_t i = 0; i < v->n; i++) {
		const ynode *it = v->items[i];
		ynode *f[2];
		if (fld_map(&x->c, it, "a language entry", keys, 2, f) < 0)
			continue;
		const char *id =
		    fld_str(&x->c, it, f[0], "id", "a language entry", true);
		int k = fld_enum(&x->c, it, f[1], "status", "a language entry",
		                 true, st, 2);
		if (!id || k < 0)
			continue;
		if (!model_language(x->s, id)) {
			const char *sg = suggest(id, sl, x->s->nlanguages);
			if (sg)
				diag_error(x->c.d, f[0]->pos,
				           "unknown language '%s'; did you "
				           "mean '%s'?",
				           id, sg);
			else
				diag_error(x->c.d, f[0]->pos,
				           "language '%s' is not offered by "
				           "the scheme (%s)",
				           id, x->s->path);
			continue;
		}
		bool dup = false;
		for (size_t j = 0; j < x->v->nlanguages; j++)
			dup |= strcmp(x->v->languages[j].id, id) == 0;
		if (dup) {
			diag_error(x->c.d, f[0]->pos,
			           "language '%s' is listed twice", id);
			continue;
		}
		if (x->v->nlanguages == 0 && k != 0)
			diag_error(x->c.d, f[1]->pos,
			           "the first language ('%s') is the source "
			           "language and must be complete",
			           id);
		vc_version_language *l = &x->v->languages[x->v->nlanguages++];
		l->id = model_language(x->s, id)->id;
		l->complete = k == 0;
		l->pos = it->pos;
	}
	free(sl);
	x->langs = arena_alloc(x->c.a, (x->v->nlanguages + 1) * sizeof(char *));
	for (size_t i = 0; i < x->v->nlanguages; i++)
		x->langs[i] = x->v->languages[i].id;
	x->nlangs = x->v->nlanguages;
}

/* Reads released and predecessor of the version.yaml in dir, quietly
 * (that file's own problems are reported when it is checked). */
static void peek_version(const char *dir, const char *croot, arena *a,
                         const char **released, const char **pred)
{
	*released = *pred = NULL;
	char *vf = path_join(dir, "version.yaml");
	diags scratch;
	diags_init(&scratch);
	ynode *root = is_file(vf) && yn_check_inside(&scratch, vf, croot) == 0
	                  ? yn_load_file(a, &scratch, vf)
	                  : NULL;
	const ynode *r = yn_map_get(root, "released");
	const ynode *p = yn_map_get(root, "predecessor");
	if (r && r->kind == YN_SCALAR)
		*released = arena_strdup(a, r->str);
	if (p && p->kind == YN_SCALAR && !yn_is_null(p))
		*pred = arena_strdup(a, p->str);
	diags_free(&scratch);
	free(vf);
}

/* The predecessor must be older and the chain of predecessors must end. */
static void check_lineage(vctx *x, const ynode *pred_node, const char *parent,
                          const char *self, const char *released)
{
	arena *a = arena_new();
	const char *pred = pred_node->str, *prel, *next;
	char *pdir = path_join(parent, pred);
	peek_version(pdir, x->root, a, &prel, &next);
	free(pdir);
	if (released && prel && strcmp(prel, released) > 0)
		diag_warning(x->c.d, pred_node->pos,
		             "predecessor %s was released on %s, after this "
		             "version (%s)",
		             pred, prel, released);
	buf chain = {0};
	buf_printf(&chain, "%s -> %s", self, pred);
	for (int hops = 0; next && hops < 100; hops++) {
		buf_printf(&chain, " -> %s", next);
		if (strcmp(next, self) == 0) {
			diag_error(x->c.d, pred_node->pos,
			           "the predecessors go round in a circle: %s",
			           chain.data);
			break;
		}
		char *d = path_join(parent, next);
		const char *r2;
		peek_version(d, x->root, a, &r2, &next);
		free(d);
	}
	buf_free(&chain);
	arena_free(a);
}

/* Reports the predecessor pred (node v) that has no version.yaml at
 * pfile, with the version beside this one (self) it may mean. */
static void missing_predecessor(vctx *x, const ynode *v, const char *parent,
                                const char *pfile, const char *self)
{
	char **names = NULL;
	size_t n = 0, nv = 0;
	if (dir_names(parent, false, &names, &n) != 0)
		n = 0;
	const char **versions = xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		char *d = path_join(parent, names[i]);
		char *vf = path_join(d, "version.yaml");
		if (strcmp(names[i], self) != 0 && is_file(vf))
			versions[nv++] = names[i];
		free(vf);
		free(d);
	}
	const char *sg = suggest(v->str, versions, nv);
	if (sg)
		diag_warning(x->c.d, v->pos,
		             "predecessor '%s' not found (no %s); did you mean "
		             "'%s'?",
		             v->str, pfile, sg);
	else
		diag_warning(x->c.d, v->pos,
		             "predecessor '%s' not found (no %s)", v->str,
		             pfile);
	free(versions);
	names_free(names, n);
}

static int read_version_file(vctx *x, const char *dir)
{
	char *path = path_join(dir, "version.yaml");
	ynode *root = yn_check_inside(x->c.d, path, x->root) == 0
	                  ? yn_load_file(x->c.a, x->c.d, path)
	                  : NULL;
	free(path);
	if (!root)
		return -1;
	vc_version *v = x->v;
	v->pos = root->pos;
	ynode *f[V_N];
	if (fld_map(&x->c, root, "version.yaml", v_keys, V_N, f) < 0)
		return -1;
	const char *what = "version.yaml";
	read_languages(x, root, f[V_LANGUAGES]);

	char *parent = path_dir(dir);
	char *absdir = realpath(dir, NULL);
	char *absparent = absdir ? path_dir(absdir) : NULL;
	const char *dirname = absdir ? path_base(absdir) : path_base(dir);
	const char *parentname =
	    absparent ? path_base(absparent) : path_base(parent);

	const char *cat =
	    fld_str(&x->c, root, f[V_CATALOGUE], "catalogue", what, true);
	const char *problem =
	    cat ? model_catalogue_id_problem(x->s, cat) : NULL;
	if (cat) {
		if (problem)
			diag_error(x->c.d, f[V_CATALOGUE]->pos,
			           "catalogue id '%s' %s", cat, problem);
		else if (strcmp(cat, parentname) != 0)
			diag_error(x->c.d, f[V_CATALOGUE]->pos,
			           "catalogue '%s' does not match its "
			           "directory '%s'; a version lives in "
			           "CATALOGUE/VERSION",
			           cat, parentname);
	}
	const char *ver =
	    fld_str(&x->c, root, f[V_VERSION], "version", what, true);
	problem = ver ? model_version_id_problem(ver) : NULL;
	if (ver) {
		if (problem)
			diag_error(x->c.d, f[V_VERSION]->pos,
			           "version id '%s' %s", ver, problem);
		else if (strcmp(ver, dirname) != 0)
			diag_error(x->c.d, f[V_VERSION]->pos,
			           "version '%s' does not match its directory "
			           "'%s'",
			           ver, dirname);
	}
	v->catalogue = arena_strdup(x->c.a, cat ? cat : parentname);
	v->version = arena_strdup(x->c.a, ver ? ver : dirname);
	v->key = arena_printf(x->c.a, "%s/%s", v->catalogue, v->version);

	if (x->nlangs) {
		prose(x, root, f[V_TITLE], "title", what, true, &v->title);
		prose(x, root, f[V_SUMMARY], "summary", what, false,
		      &v->summary);
	}
	static const char *const statuses[] = {"released", "draft"};
	int st = fld_enum(&x->c, root, f[V_STATUS], "status", what, true,
	                  statuses, 2);
	v->draft = st == 1;
	v->status_pos = f[V_STATUS] ? f[V_STATUS]->pos : root->pos;
	v->predecessor_pos = f[V_PRED] ? f[V_PRED]->pos : root->pos;
	const char *rel =
	    fld_date(&x->c, root, f[V_RELEASED], "released", what, st == 0);
	v->released = arena_strdup(x->c.a, rel);
	const char *lic =
	    fld_str(&x->c, root, f[V_LICENCE], "licence", what, false);
	v->licence = arena_strdup(x->c.a, lic);
	const char *pred =
	    fld_str(&x->c, root, f[V_PRED], "predecessor", what, false);
	if (pred) {
		v->predecessor = arena_strdup(x->c.a, pred);
		char *pdir = path_join(parent, pred);
		char *pfile = path_join(pdir, "version.yaml");
		if (ver && strcmp(pred, ver) == 0)
			diag_error(x->c.d, f[V_PRED]->pos,
			           "a version cannot be its own predecessor");
		else if (!is_version_id(pred) || !is_file(pfile))
			missing_predecessor(x, f[V_PRED], parent, pfile,
			                    dirname);
		else if (ver)
			check_lineage(x, f[V_PRED], parent, ver, rel);
		free(pdir);
		free(pfile);
	}
	free(parent);
	free(absdir);
	free(absparent);
	return x->nlangs ? 0 : -1;
}

/* ---- whole-version checks ---- */

static int cmp_chapter(const void *a, const void *b)
{
	const vc_chapter *x = a, *y = b;
	if (x->number != y->number)
		return x->number - y->number;
	return strcmp(x->file, y->file);
}

static void order_chapters(vctx *x)
{
	vc_version *v = x->v;
	if (x->nchapters)
		qsort(x->chapters, x->nchapters, sizeof(vc_chapter),
		      cmp_chapter);
	v->chapters =
	    arena_alloc(x->c.a, (x->nchapters + 1) * sizeof(vc_chapter));
	if (x->nchapters)
		memcpy(v->chapters, x->chapters,
		       x->nchapters * sizeof(vc_chapter));
	v->nchapters = x->nchapters;
	free(x->chapters);
	x->chapters = NULL;
	int expect = 1;
	for (size_t i = 0; i < v->nchapters; i++) {
		vc_chapter *ch = &v->chapters[i];
		/* the lists grew on the heap while reading; the model keeps
		 * everything in its arena */
		vc_question **qs = ch->questions;
		ch->questions =
		    arena_alloc(x->c.a, (ch->nquestions + 1) * sizeof(*qs));
		if (ch->nquestions)
			memcpy(ch->questions, qs, ch->nquestions * sizeof(*qs));
		free(qs);
		vc_section **ss = ch->sections;
		ch->sections =
		    arena_alloc(x->c.a, (ch->nsections + 1) * sizeof(*ss));
		if (ch->nsections)
			memcpy(ch->sections, ss, ch->nsections * sizeof(*ss));
		free(ss);
		for (size_t j = 0; j < ch->nquestions; j++)
			ch->questions[j]->chapter = ch;
		for (size_t j = 0; j < ch->nsections; j++)
			ch->sections[j]->chapter = ch;
		if (ch->number == 0) {
			x->chapter_lost =
			    true; /* unreadable number, reported */
			continue;
		}
		if (i > 0 && ch->number == v->chapters[i - 1].number) {
			diag_error(x->c.d, ch->pos,
			           "chapter %d is defined twice (also in %s)",
			           ch->number, v->chapters[i - 1].file);
		} else if (ch->number != expect && !x->chapter_lost) {
			/* (a chapter file that could not be read would make
			 * every later chapter look like a gap) */
			diag_error(x->c.d, ch->pos,
			           "chapter %d follows chapter %d; chapters "
			           "are numbered 1, 2, 3 ... without gaps",
			           ch->number, expect - 1);
		}
		expect = ch->number + 1;
	}
	size_t nq = 0, nr = 0;
	for (size_t i = 0; i < v->nchapters; i++) {
		nq += v->chapters[i].nquestions;
		for (size_t j = 0; j < v->chapters[i].nquestions; j++)
			nr += v->chapters[i].questions[j]->nreqs;
	}
	size_t ns = 0;
	for (size_t i = 0; i < v->nchapters; i++)
		ns += v->chapters[i].nsections;
	v->sections = arena_alloc(x->c.a, (ns + 1) * sizeof(vc_section *));
	for (size_t i = 0; i < v->nchapters; i++)
		for (size_t j = 0; j < v->chapters[i].nsections; j++) {
			vc_section *sec = v->chapters[i].sections[j];
			sec->index = v->nsections;
			v->sections[v->nsections++] = sec;
		}
	v->questions = arena_alloc(x->c.a, (nq + 1) * sizeof(vc_question *));
	v->requirements =
	    arena_alloc(x->c.a, (nr + 1) * sizeof(vc_requirement *));
	for (size_t i = 0; i < v->nchapters; i++) {
		for (size_t j = 0; j < v->chapters[i].nquestions; j++) {
			vc_question *q = v->chapters[i].questions[j];
			q->index = v->nquestions;
			v->questions[v->nquestions++] = q;
			for (size_t k = 0; k < q->nreqs; k++) {
				q->reqs[k].index = v->nrequirements;
				v->requirements[v->nrequirements++] =
				    &q->reqs[k];
			}
		}
	}
}

static void resolve_successors(vctx *x)
{
	vc_version *v = x->v;
	const char **uids = xmalloc((v->nquestions + 1) * sizeof(char *));
	size_t nu = 0;
	for (size_t i = 0; i < v->nquestions; i++)
		if (v->questions[i]->uid && !v->questions[i]->withdrawn)
			uids[nu++] = v->questions[i]->uid;
	for (size_t i = 0; i < v->nquestions; i++) {
		vc_question *q = v->questions[i];
		for (size_t k = 0; q->withdrawn && k < q->nsuccessors; k++) {
			const char *su = q->successor_uids[k];
			vc_question *s = model_question(v, su);
			srcpos pos = q->successor_pos[k];
			/* A question in a file (or part of one) that could not
			 * be read is not known: its error is the one to fix. */
			if (!s && !model_requirement(v, su) &&
			    (x->chapter_lost || x->items_lost))
				continue;
			if (!s) {
				const char *sg = suggest(su, uids, nu);
				if (model_requirement(v, su))
					diag_error(
					    x->c.d, pos,
					    "successor '%s' of question %s "
					    "is a requirement; name a "
					    "question",
					    su, q->number);
				else if (sg)
					diag_error(
					    x->c.d, pos,
					    "successor '%s' of question %s "
					    "is not a question of %s; did "
					    "you mean '%s'?",
					    su, q->number, v->key, sg);
				else
					diag_error(
					    x->c.d, pos,
					    "successor '%s' of question %s "
					    "is not a question of %s",
					    su, q->number, v->key);
			} else if (s == q) {
				diag_error(x->c.d, pos,
				           "question %s names itself as "
				           "successor",
				           q->number);
			} else if (s->withdrawn) {
				diag_error(
				    x->c.d, pos,
				    "successor '%s' of question %s is "
				    "itself withdrawn; name the question "
				    "in force",
				    su, q->number);
			} else {
				q->successors[k] = s;
			}
		}
	}
	free(uids);
}

char *model_version_root(const char *dir)
{
	char *abs = NULL;
	if (dir[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		if (!cwd) {
			char *up = path_dir(dir);
			char *root = path_dir(up);
			free(up);
			return root;
		}
		abs = path_join(cwd, dir);
		free(cwd);
	} else {
		abs = xstrdup(dir);
	}
	/* Components in place; "." dropped, ".." taking the one before it
	 * (lexically: the point is not to follow links). */
	char **parts = NULL;
	size_t n = 0, cap = 0;
	for (char *p = abs, *slash; p; p = slash ? slash + 1 : NULL) {
		slash = strchr(p, '/');
		if (slash)
			*slash = '\0';
		if (strcmp(p, "..") == 0 && n)
			n--;
		else if (*p && strcmp(p, ".") != 0 && strcmp(p, "..") != 0)
			VEC_PUSH(parts, n, cap, p);
	}
	buf b = {0};
	for (size_t i = 0; i + 2 < n; i++)
		buf_printf(&b, "/%s", parts[i]);
	if (!b.len)
		buf_putc(&b, '/');
	free(parts);
	free(abs);
	return buf_detach(&b);
}

static void list_chapter_files(vctx *x, const char *dir, char ***out,
                               size_t *nout)
{
	*out = NULL;
	*nout = 0;
	DIR *dp = opendir(dir);
	if (!dp) {
		x->c.d->io_failed = true;
		diag_error(x->c.d,
		           pos_at(diags_source(x->c.d, dir, NULL, 0), 0, 0),
		           "cannot read directory: %s", strerror(errno));
		return;
	}
	/* Names first, sorted, so that what is reported about them comes in
	 * the same order on every file system. */
	char **names = NULL;
	size_t nnames = 0, ncap = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.')
			VEC_PUSH(names, nnames, ncap, xstrdup(e->d_name));
	closedir(dp);
	if (nnames)
		qsort(names, nnames, sizeof(char *), cmp_strp);
	for (size_t i = 0; i < nnames; i++) {
		const char *name = names[i];
		size_t n = strlen(name);
		if (n > 4 && strcmp(name + n - 4, ".yml") == 0) {
			char *p = path_join(dir, name);
			diag_warning(
			    x->c.d,
			    pos_at(diags_source(x->c.d, p, NULL, 0), 0, 0),
			    "ignored: chapter files end in .yaml; rename "
			    "it to %.*s.yaml to include it",
			    (int)(n - 4), name);
			free(p);
			continue;
		}
		if (n < 6 || strcmp(name + n - 5, ".yaml") != 0 ||
		    strcmp(name, "version.yaml") == 0)
			continue;
		char *p = path_join(dir, name);
		/* A link is a chapter file only if it stays in the catalogue;
		 * a dangling one is a lost chapter, not one fewer. */
		if (yn_check_inside(x->c.d, p, x->root) != 0) {
			x->chapter_lost = true;
			free(p);
		} else if (is_file(p)) {
			VEC_PUSH(*out, *nout, cap, p);
		} else {
			/* a directory or a FIFO named like a chapter would
			 * otherwise be one chapter fewer without a word */
			diag_error(
			    x->c.d,
			    pos_at(diags_source(x->c.d, p, NULL, 0), 0, 0),
			    "not a regular file (a directory, a device or "
			    "a FIFO); chapter files are YAML files");
			x->chapter_lost = true;
			free(p);
		}
	}
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
}

vc_version *model_version_load(const vc_scheme *scheme, const char *dir_in,
                               diags *d)
{
	arena *a = arena_new();
	vc_version *v = arena_alloc(a, sizeof(*v));
	v->arena = a;
	v->scheme = scheme;
	/* Keep the directory as given, without trailing slashes. */
	size_t dl = strlen(dir_in);
	while (dl > 1 && dir_in[dl - 1] == '/')
		dl--;
	v->dir = arena_strndup(a, dir_in, dl);
	hmap_init(&v->by_uid);
	hmap_init(&v->q_by_uid);
	hmap_init(&v->r_by_uid);
	hmap_init(&v->q_by_number);
	hmap_init(&v->s_by_uid);

	vctx x;
	memset(&x, 0, sizeof(x));
	x.c.a = a;
	x.c.d = d;
	x.s = scheme;
	x.v = v;
	make_req_keys(&x);
	hmap_init(&x.uid_at);
	char *root = model_version_root(v->dir);
	x.root = arena_strdup(a, root);
	free(root);
	if (yn_check_inside(d, v->dir, x.root) != 0 ||
	    read_version_file(&x, v->dir) < 0) {
		if (!v->key)
			v->key = arena_strdup(a, v->dir);
		hmap_free(&x.uid_at);
		return v;
	}
	char **files;
	size_t nfiles;
	list_chapter_files(&x, v->dir, &files, &nfiles);
	if (nfiles == 0 && d->errors == 0)
		diag_error(d, v->pos,
		           "%s has no chapter files (*.yaml beside "
		           "version.yaml)",
		           v->key);
	for (size_t i = 0; i < nfiles; i++) {
		if (!diags_full(d))
			load_chapter(&x, files[i]);
		else
			x.items_lost = true;
		free(files[i]);
	}
	free(files);
	order_chapters(&x);
	resolve_successors(&x);
	hmap_free(&x.uid_at);
	return v;
}

void model_version_free(vc_version *v)
{
	if (!v)
		return;
	hmap_free(&v->by_uid);
	hmap_free(&v->q_by_uid);
	hmap_free(&v->r_by_uid);
	hmap_free(&v->q_by_number);
	hmap_free(&v->s_by_uid);
	arena_free(v->arena);
}

vc_question *model_question(const vc_version *v, const char *uid)
{
	return hmap_get(&v->q_by_uid, uid);
}

vc_section *model_section(const vc_version *v, const char *uid)
{
	return hmap_get(&v->s_by_uid, uid);
}

vc_question *model_question_by_number(const vc_version *v, const char *num)
{
	return hmap_get(&v->q_by_number, num);
}

vc_requirement *model_requirement(const vc_version *v, const char *uid)
{
	return hmap_get(&v->r_by_uid, uid);
}

const vc_prose *model_req_text(const vc_requirement *r, size_t l)
{
	static const vc_prose none;
	return l < r->ntexts ? &r->texts[l] : &none;
}

vc_objset model_req_level_objectives(const vc_scheme *s,
                                     const vc_requirement *r, size_t l)
{
	if (l >= s->nlevels || !prose_present(model_req_text(r, l)))
		return 0;
	return r->applies_to & s->levels[l].applies_to;
}

vc_objset model_req_objectives(const vc_scheme *s, const vc_requirement *r)
{
	vc_objset set = 0;
	for (size_t l = 0; l < s->nlevels; l++)
		set |= model_req_level_objectives(s, r, l);
	return set;
}

char *model_req_levels_string(const vc_scheme *s, const vc_requirement *r,
                              const char *sep)
{
	buf b = {0};
	for (size_t l = 0; l < s->nlevels; l++)
		if (prose_present(model_req_text(r, l)))
			buf_printf(&b, "%s%s", b.len ? sep : "",
			           s->levels[l].id);
	buf_puts(&b, "");
	return buf_detach(&b);
}

bool model_has_language(const vc_version *v, const char *lang)
{
	for (size_t i = 0; i < v->nlanguages; i++)
		if (strcmp(v->languages[i].id, lang) == 0)
			return true;
	return false;
}

const char *prose_get(const vc_prose *p, const char *lang)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->tr[i].lang, lang) == 0)
			return p->tr[i].text;
	return NULL;
}

const char *prose_text(const vc_prose *p, const char *lang)
{
	const char *t = lang ? prose_get(p, lang) : NULL;
	return t ? t : p->n ? p->tr[0].text : NULL;
}

const char *prose_plain(arena *a, const vc_prose *p, const char *lang)
{
	const char *md = p ? prose_text(p, lang) : NULL;
	if (!md)
		return "";
	char *t = md_plain_text(md);
	const char *r = arena_strdup(a, t);
	free(t);
	return r;
}
