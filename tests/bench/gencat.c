/*
 * gencat.c - writes two synthetic catalogue versions for `make bench`:
 * DIR/vcsa/1.0 and DIR/vcsa/2.0, 20 chapters of 100 questions of 5
 * requirements each (10,000 requirements per version), and DIR/scheme.yaml
 * copied from catalogue/scheme.yaml.
 *
 * 2.0 differs from 1.0 the way a real revision does, in every kind the
 * diff knows: per chapter one question removed and one added (numbers
 * shift), one moved to the next chapter, two swapped (renumbered), a
 * renamed uid at the same number, one renamed and moved (paired by
 * similarity); about 5 % of requirements reworded, 1 % whitespace-only,
 * 1 % level changes, 1 % reference changes. A fixed seed makes the
 * output the same on every run.
 *
 * Usage: gencat DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { CHAPTERS = 20, QUESTIONS = 100, REQS = 5, WORDS = 24 };

static unsigned long long rng = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const vocab[] = {
    "organisation",
    "supplier",
    "vehicle",
    "component",
    "software",
    "hardware",
    "risk",
    "threat",
    "vulnerability",
    "assessment",
    "policy",
    "process",
    "record",
    "evidence",
    "review",
    "approval",
    "management",
    "incident",
    "response",
    "monitoring",
    "release",
    "update",
    "key",
    "certificate",
    "production",
    "development",
    "operation",
    "interface",
    "agreement",
    "requirement",
    "control",
    "test",
    "analysis",
    "design",
    "architecture",
    "configuration",
    "change",
    "audit",
    "finding",
    "responsible",
    "documented",
    "defined",
    "approved",
    "current",
    "complete",
    "relevant",
    "external",
    "internal",
    "periodic",
    "annual",
    "named",
    "persons",
    "roles",
    "tools",
    "methods",
    "results",
    "decisions",
    "actions",
    "criteria",
    "scope",
    "product",
    "project",
    "customer",
    "partner",
    "information",
    "data",
    "access",
    "rights",
    "logging",
    "backup",
    "recovery",
    "plan",
    "exercise",
    "training",
    "awareness",
    "competence",
    "culture",
    "communication",
    "escalation",
    "authority",
    "budget",
    "resources",
    "improvement",
    "lessons",
    "metrics",
    "targets",
    "inventory",
    "sources",
    "triggers",
    "reports",
    "station",
    "line",
    "the",
    "a",
    "of",
    "and",
    "for",
    "with",
    "by",
    "in",
    "to",
    "is",
    "are",
    "each",
    "every",
    "all",
    "its",
    "their",
};

typedef struct req {
	char uid[64];
	int must; /* 1 must, 0 should */
	char *text;
	int ref; /* a reference number, or 0 */
} req;

typedef struct question {
	char uid[64];
	char *title, *question, *objective;
	req reqs[REQS];
} question;

typedef struct chapter {
	question **q;
	int n, cap;
} chapter;

static char *sentence(int words, int cap_first)
{
	size_t cap = 16;
	for (int i = 0; i < words; i++)
		cap += 16;
	char *s = malloc(cap);
	s[0] = '\0';
	for (int i = 0; i < words; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, vocab[rnd(sizeof(vocab) / sizeof(vocab[0]))]);
	}
	if (cap_first && s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	strcat(s, ".");
	return s;
}

static question *new_question(const char *uid)
{
	question *q = calloc(1, sizeof(*q));
	snprintf(q->uid, sizeof(q->uid), "%s", uid);
	q->title = sentence(3, 1);
	q->title[strlen(q->title) - 1] = '\0';
	q->question = sentence(18, 1);
	q->objective = sentence(40, 1);
	for (int r = 0; r < REQS; r++) {
		snprintf(q->reqs[r].uid, sizeof(q->reqs[r].uid), "%s-r%d", uid,
		         r);
		q->reqs[r].must = rnd(3) != 0;
		q->reqs[r].text = sentence(WORDS + (int)rnd(12), 1);
		q->reqs[r].ref = rnd(2) ? 1 + (int)rnd(20) : 0;
	}
	return q;
}

static question *clone(const question *o)
{
	question *q = malloc(sizeof(*q));
	*q = *o;
	q->title = strdup(o->title);
	q->question = strdup(o->question);
	q->objective = strdup(o->objective);
	for (int r = 0; r < REQS; r++)
		q->reqs[r].text = strdup(o->reqs[r].text);
	return q;
}

static void free_question(question *q)
{
	free(q->title);
	free(q->question);
	free(q->objective);
	for (int r = 0; r < REQS; r++)
		free(q->reqs[r].text);
	free(q);
}

static void push(chapter *c, question *q, int at)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 128;
		c->q = realloc(c->q, (size_t)c->cap * sizeof(*c->q));
	}
	if (at < 0 || at > c->n)
		at = c->n;
	memmove(c->q + at + 1, c->q + at, (size_t)(c->n - at) * sizeof(*c->q));
	c->q[at] = q;
	c->n++;
}

static question *take(chapter *c, int at)
{
	question *q = c->q[at];
	memmove(c->q + at, c->q + at + 1,
	        (size_t)(c->n - at - 1) * sizeof(*c->q));
	c->n--;
	return q;
}

/* Writes text as a folded block scalar at indent, wrapped near 76. */
static void folded(FILE *fp, const char *key, const char *text, int indent)
{
	fprintf(fp, "%*s%s: >-\n", indent, "", key);
	int col = 0;
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, ' ');
		int len = e ? (int)(e - p) : (int)strlen(p);
		if (col && col + 1 + len > 76 - indent - 2) {
			fputc('\n', fp);
			col = 0;
		}
		if (!col)
			fprintf(fp, "%*s", indent + 2, "");
		else
			fputc(' ', fp), col++;
		fwrite(p, 1, (size_t)len, fp);
		col += len;
		p += len;
		if (*p == ' ')
			p++;
	}
	fputc('\n', fp);
}

static int write_version(const char *dir, const char *ver, chapter *ch,
                         const char *pred)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/vcsa/%s", dir, ver);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/vcsa/%s/version.yaml", dir, ver);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return -1;
	fprintf(fp,
	        "catalogue: vcsa\nversion: \"%s\"\ntitle: Synthetic "
	        "benchmark catalogue\nstatus: released\nreleased: 2026-01-01\n",
	        ver);
	if (pred)
		fprintf(fp, "predecessor: \"%s\"\n", pred);
	fprintf(fp, "languages:\n  - id: en\n    status: complete\n");
	fclose(fp);
	for (int c = 0; c < CHAPTERS; c++) {
		snprintf(path, sizeof(path), "%s/vcsa/%s/%02d-chapter.yaml",
		         dir, ver, c + 1);
		fp = fopen(path, "w");
		if (!fp)
			return -1;
		fprintf(fp, "chapter: %d\ntitle: Chapter %d\nquestions:\n",
		        c + 1, c + 1);
		for (int i = 0; i < ch[c].n; i++) {
			const question *q = ch[c].q[i];
			fprintf(fp, "  - number: \"%d.%d\"\n    uid: %s\n",
			        c + 1, i + 1, q->uid);
			fprintf(fp, "    title: %s\n", q->title);
			folded(fp, "question", q->question, 4);
			folded(fp, "objective", q->objective, 4);
			fprintf(fp, "    applies_to: [development, production, "
			            "operations]\n    requirements:\n");
			for (int r = 0; r < REQS; r++) {
				const req *rq = &q->reqs[r];
				fprintf(fp,
				        "      - letter: %c\n        uid: %s\n",
				        'a' + r, rq->uid);
				folded(fp, rq->must ? "must" : "should",
				       rq->text, 8);
				if (rq->ref)
					fprintf(fp,
					        "        references:\n"
					        "          iso-sae-21434: "
					        "[RQ-05-%02d]\n",
					        rq->ref);
			}
		}
		fclose(fp);
	}
	return 0;
}

/* Rewords a requirement: a few words replaced. */
static void reword(req *r)
{
	char *t = r->text;
	size_t n = strlen(t);
	char *s = malloc(n + 64);
	/* drop the first word, add two */
	const char *sp = strchr(t, ' ');
	snprintf(s, n + 64, "%s %s%s", vocab[rnd(90)], vocab[rnd(90)],
	         sp ? sp : "");
	s[0] = (char)(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]);
	free(r->text);
	r->text = s;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: gencat DIR\n", stderr);
		return 2;
	}
	const char *dir = argv[1];
	char path[4096];
	mkdir(dir, 0777);
	snprintf(path, sizeof(path), "%s/vcsa", dir);
	mkdir(path, 0777);
	/* the scheme */
	FILE *in = fopen("catalogue/scheme.yaml", "rb");
	snprintf(path, sizeof(path), "%s/scheme.yaml", dir);
	FILE *out = fopen(path, "wb");
	if (!in || !out) {
		perror("scheme.yaml");
		return 1;
	}
	char b[8192];
	size_t k;
	while ((k = fread(b, 1, sizeof(b), in)) > 0)
		fwrite(b, 1, k, out);
	fclose(in);
	fclose(out);

	chapter a[CHAPTERS] = {0}, n[CHAPTERS] = {0};
	for (int c = 0; c < CHAPTERS; c++)
		for (int i = 0; i < QUESTIONS; i++) {
			char uid[32];
			snprintf(uid, sizeof(uid), "c%d-q%d", c + 1, i + 1);
			push(&a[c], new_question(uid), -1);
		}
	for (int c = 0; c < CHAPTERS; c++)
		for (int i = 0; i < a[c].n; i++)
			push(&n[c], clone(a[c].q[i]), -1);

	for (int c = 0; c < CHAPTERS; c++) {
		/* one removed, one added elsewhere: the numbers between shift
		 */
		free_question(take(&n[c], 10));
		char uid[32];
		snprintf(uid, sizeof(uid), "c%d-new", c + 1);
		push(&n[c], new_question(uid), 60);
		/* two swapped */
		question *t = n[c].q[30];
		n[c].q[30] = n[c].q[31];
		n[c].q[31] = t;
		/* a uid renamed at the same number */
		snprintf(n[c].q[40]->uid, sizeof(n[c].q[40]->uid),
		         "c%d-renamed", c + 1);
		/* text edits */
		for (int i = 0; i < n[c].n; i++)
			for (int r = 0; r < REQS; r++) {
				req *rq = &n[c].q[i]->reqs[r];
				unsigned x = rnd(100);
				if (x < 5)
					reword(rq);
				else if (x == 5)
					rq->must = !rq->must;
				else if (x == 6)
					rq->ref = rq->ref ? 0 : 21;
				else if (x == 7) { /* white space only */
					char *sp = strchr(rq->text, ' ');
					if (sp) {
						size_t l = strlen(rq->text);
						char *s2 = malloc(l + 2);
						size_t at =
						    (size_t)(sp - rq->text);
						memcpy(s2, rq->text, at);
						s2[at] = ' ';
						memcpy(s2 + at + 1, sp,
						       l - at + 1);
						free(rq->text);
						rq->text = s2;
					}
				}
			}
	}
	/* moves: one question of each chapter to the next; one renamed as
	 * well, so that only its text can pair it */
	for (int c = 0; c < CHAPTERS; c++) {
		question *q = take(&n[c], 70);
		if (c % 2 == 0)
			snprintf(q->uid, sizeof(q->uid), "c%d-moved", c + 1);
		push(&n[(c + 1) % CHAPTERS], q, 20);
	}
	if (write_version(dir, "1.0", a, NULL) != 0 ||
	    write_version(dir, "2.0", n, "1.0") != 0) {
		perror(dir);
		return 1;
	}
	for (int c = 0; c < CHAPTERS; c++) {
		for (int i = 0; i < a[c].n; i++)
			free_question(a[c].q[i]);
		for (int i = 0; i < n[c].n; i++)
			free_question(n[c].q[i]);
		free(a[c].q);
		free(n[c].q);
	}
	return 0;
}
