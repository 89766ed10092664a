/*
 * front/ - the front end: YAML read with libyaml's events into a tree with
 * positions (ynode), field readers with compiler-style diagnostics
 * (fields), the scheme and catalogue loaders that validate everything
 * (scheme.c, catalogue.c), and the model they build, declared here. Data
 * flows one way: the front end knows nothing of HTML or PDF, and no back
 * end reads YAML.
 *
 * model.h - the validated model of the scheme and of catalogue versions.
 *
 * The front end (scheme.c, catalogue.c) builds these from YAML and checks
 * them; every back end reads them and never sees YAML. Every node carries
 * the source position it came from, so later stages can still point at
 * the file and line behind a problem.
 *
 * Ownership: a scheme and a catalogue version each own one arena holding
 * all their nodes and strings; model_scheme_free() and model_version_free()
 * release everything at once. A version points at the scheme it was
 * validated against, which must outlive it.
 */
#ifndef VCSC_MODEL_H
#define VCSC_MODEL_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/util.h"

/* One translation of a prose field: Markdown text in one language. */
typedef struct vc_text {
	const char *lang; /* language id, e.g. "en" */
	const char *text; /* Markdown, UTF-8 */
	srcpos pos;
} vc_text;

/* A prose field: zero (absent) or more translations, in the order of the
 * document's languages. */
typedef struct vc_prose {
	vc_text *tr;
	size_t n;
	srcpos pos;
} vc_prose;

/* A set of audit objectives: bit i stands for scheme->objectives[i]. */
typedef uint32_t vc_objset;
#define VC_MAX_OBJECTIVES 32

/* ---- the scheme ---- */

typedef struct vc_language {
	const char *id;   /* "en" */
	const char *name; /* "English", in the language itself */
	srcpos pos;
} vc_language;

typedef struct vc_objective {
	const char *id; /* development, production, operations */
	vc_prose title, description;
	srcpos pos;
} vc_objective;

/* A requirement level: the scheme's (must and should for the VCSA; the
 * VDA ISA adds levels for high and very high protection needs and for
 * simplified group assessments). A requirement carries one text per level
 * it uses, under the level's id as key. */
typedef struct vc_level {
	const char *id;        /* must, should, high, ... */
	const char *exemption; /* none, justified */
	vc_prose title, description;
	const char *colour;   /* "#rrggbb" of its marker, or NULL: the PDF
	                         style's colour of the same name */
	vc_objset applies_to; /* objectives it applies to: every objective
	                         unless the scheme narrows it */
	bool narrowed;        /* applies_to given in the scheme */
	srcpos pos;
} vc_level;

typedef struct vc_finding_class {
	const char *id; /* major, minor, observation, opportunity */
	vc_prose title, description;
	bool blocks_label;
	const char *corrective_action; /* required, optional, none */
	srcpos pos;
} vc_finding_class;

/* One step of the self-assessment answer scale. */
typedef struct vc_answer {
	const char *id; /* implemented, partial, ... or "0" .. "5" */
	vc_prose title, description;
	const char *counts_as;     /* met, gap, excluded */
	const char *justification; /* required, optional */
	int value;                 /* a maturity step's value, else -1 */
	srcpos pos;
} vc_answer;

/* What a self-assessment answers: each requirement (the VCSA), or each
 * control question on a maturity scale with a target step (the ISA). */
typedef enum { VC_ANSWER_REQUIREMENT, VC_ANSWER_QUESTION } vc_answer_unit;

typedef struct vc_standard {
	const char *id;      /* iso-sae-21434 */
	const char *title;   /* ISO/SAE 21434 */
	const char *pattern; /* POSIX ERE every identifier must match */
	const char *example; /* an identifier of that form, for messages:
	                        the scheme's, else made from the pattern;
	                        NULL when neither gives one */
	regex_t re;
	srcpos pos;
} vc_standard;

typedef struct vc_scheme {
	arena *arena;
	const char *path;
	const char *id;
	vc_prose title;
	vc_language *languages;
	size_t nlanguages;
	vc_objective *objectives;
	size_t nobjectives;
	vc_level *levels;
	size_t nlevels;
	vc_finding_class *findings;
	size_t nfindings;
	vc_answer *answers; /* the answer scale, in the scheme's order */
	size_t nanswers;
	vc_answer_unit answer_unit;
	int answer_target; /* per question: the value a question should
	                      reach; -1 when the scale has no target */
	vc_standard *standards;
	size_t nstandards;
	int validity_years;
	const char *validity_from;
	int corrective_action_max_months;
	/* requirement labels: the POSIX ERE a label matches in full (default
	 * one lowercase letter), and whether labels must count a, b, c
	 * without gaps (else a gap or a step back is a warning) */
	const char *label_pattern;
	regex_t label_re;
	bool labels_strict;
	/* question numbers N.M (chapter, question) or, with sections,
	 * N.M.K (chapter, section, question) */
	bool sections;
} vc_scheme;

/* ---- a catalogue version ---- */

typedef struct vc_ref {
	const vc_standard *standard;
	const char *id; /* RQ-05-01 */
	srcpos pos;
} vc_ref;

typedef struct vc_question vc_question;
typedef struct vc_chapter vc_chapter;
typedef struct vc_section vc_section;

/* At most this many requirements in a question. */
#define VC_MAX_REQUIREMENTS 200

typedef struct vc_requirement {
	const char *uid;
	srcpos uid_pos;       /* of the uid's value */
	const char *letter;   /* its label as published: "a", "e", "ii" */
	const char *label;    /* with the question's number: "1.2.a" */
	size_t seq;           /* position in its question, from 0 */
	vc_prose *texts;      /* one per scheme level (scheme->levels order);
	                         absent (n == 0) where the level is not used */
	size_t ntexts;        /* the scheme's number of levels */
	vc_objset applies_to; /* the question's set unless narrowed */
	bool narrowed;        /* applies_to given on the requirement */
	vc_ref *refs;
	size_t nrefs;
	vc_prose change_note;
	vc_question *question;
	size_t index; /* position in vc_version.requirements */
	srcpos pos;
} vc_requirement;

struct vc_question {
	const char *uid;
	srcpos uid_pos;      /* of the uid's value */
	const char *number;  /* "1.2", or "1.6.3" with sections */
	int chapter_no, seq; /* 1 and 2 for "1.2"; 1 and 3 for "1.6.3" */
	int section_no;      /* 6 for "1.6.3"; 0 without sections */
	vc_prose title, question, objective, further, evidence, change_note;
	vc_objset applies_to;
	vc_requirement *reqs;
	size_t nreqs;
	vc_ref *refs;
	size_t nrefs;
	bool withdrawn;
	/* a withdrawn question's successors, in the order given */
	const char **successor_uids;
	srcpos *successor_pos;
	vc_question **successors; /* resolved; NULL where unresolved */
	size_t nsuccessors;
	vc_chapter *chapter;
	vc_section *section; /* NULL without sections */
	size_t index;        /* position in vc_version.questions */
	srcpos pos;
};

/* A titled group of questions between a chapter and its questions, where
 * the scheme numbers questions N.M.K (the VDA ISA's "1.6"). */
struct vc_section {
	const char *uid;
	srcpos uid_pos;     /* of the uid's value */
	const char *number; /* "1.6" */
	int chapter_no, seq;
	vc_prose title, introduction, change_note;
	vc_question **questions;
	size_t nquestions;
	vc_chapter *chapter;
	size_t index; /* position in vc_version.sections */
	srcpos pos;
};

struct vc_chapter {
	int number;
	const char *file;
	vc_prose title, introduction;
	vc_section **sections; /* with sections: in number order */
	size_t nsections;
	vc_question **questions; /* every question of the chapter, in order
	                            (those of its sections too) */
	size_t nquestions;
	srcpos pos;
};

typedef struct vc_version_language {
	const char *id;
	bool complete;
	srcpos pos;
} vc_version_language;

typedef struct vc_version {
	arena *arena;
	const vc_scheme *scheme;
	const char *dir;       /* as given */
	const char *catalogue; /* "vcsa" */
	const char *version;   /* "1.1" */
	const char *key;       /* "vcsa/1.1" */
	vc_prose title, summary;
	bool draft;
	const char *released; /* YYYY-MM-DD or NULL */
	const char *predecessor;
	srcpos status_pos, predecessor_pos; /* of the values in version.yaml
	                                       (the file's start if absent) */
	const char *licence;
	vc_version_language *languages; /* [0] is the source language */
	size_t nlanguages;
	vc_chapter *chapters; /* sorted by number */
	size_t nchapters;
	vc_section **sections; /* catalogue order; none without sections */
	size_t nsections;
	vc_question **questions; /* catalogue order, withdrawn included */
	size_t nquestions;
	vc_requirement **requirements; /* catalogue order */
	size_t nrequirements;
	hmap by_uid;      /* uid -> vc_question* or vc_requirement* */
	hmap q_by_uid;    /* uid -> vc_question* */
	hmap r_by_uid;    /* uid -> vc_requirement* */
	hmap q_by_number; /* "1.2" -> vc_question* */
	hmap s_by_uid;    /* uid -> vc_section* */
	srcpos pos;
} vc_version;

/* Loads and validates scheme.yaml. Returns NULL when the file cannot be
 * used at all; otherwise a scheme, with problems reported to d (check
 * d->errors before trusting it). */
vc_scheme *model_scheme_load(const char *path, diags *d);
void model_scheme_free(vc_scheme *s);

/* Loads and validates the version in dir against scheme. Same contract
 * as model_scheme_load. */
vc_version *model_version_load(const vc_scheme *scheme, const char *dir,
                               diags *d);
void model_version_free(vc_version *v);

/* The catalogue root of the version in dir: the directory two levels
 * above it (ROOT/CATALOGUE/VERSION), found from the path as given,
 * without following links, so that links below it can be judged against
 * it. Caller frees. */
char *model_version_root(const char *dir);

/* ---- ids that name folders and web addresses ----
 *
 * A catalogue id and a version id name folders of the catalogue root and
 * of the site (CATALOGUE/VERSION/LANG/...), where the site also writes
 * its own: assets/, downloads/ and a folder per language beside the
 * catalogues; CATALOGUE/index.html, CATALOGUE/latest/ (the newest
 * release) and CATALOGUE/q/ (a link per uid) beside the versions. The
 * loader reports these problems in version.yaml, `new-version` refuses
 * to make such a version, and the site relies on both. */

/* Why id cannot name a version, or NULL when it can: digits, lowercase
 * letters, '.' and '-', at most 32 characters, not starting with '.' or
 * '-', and not one of the names the site keeps for itself. The text
 * follows "version id 'ID' ". */
const char *model_version_id_problem(const char *id);

/* Why id cannot name a catalogue under the scheme s, or NULL when it
 * can: a uid-like id (lowercase letters, digits, single hyphens) that is
 * neither a language id of s nor a folder the site keeps for itself.
 * The text follows "catalogue id 'ID' ". */
const char *model_catalogue_id_problem(const vc_scheme *s, const char *id);

/* Look-ups; NULL when absent. */
const vc_objective *model_objective(const vc_scheme *s, const char *id);
int model_objective_index(const vc_scheme *s, const char *id);
const vc_language *model_language(const vc_scheme *s, const char *id);
const vc_standard *model_standard(const vc_scheme *s, const char *id);
vc_question *model_question(const vc_version *v, const char *uid);
vc_question *model_question_by_number(const vc_version *v, const char *num);
vc_section *model_section(const vc_version *v, const char *uid);
vc_requirement *model_requirement(const vc_version *v, const char *uid);
bool model_has_language(const vc_version *v, const char *lang);

/* The index of level id in the scheme, or -1. */
int model_level_index(const vc_scheme *s, const char *id);

/* The text of requirement r at scheme level l (an empty prose when the
 * requirement has no text at that level). */
const vc_prose *model_req_text(const vc_requirement *r, size_t l);

/* The objectives for which r's text at level l applies: r's own, as far
 * as the level applies to them; 0 when r has no text at l. */
vc_objset model_req_level_objectives(const vc_scheme *s,
                                     const vc_requirement *r, size_t l);

/* The objectives for which any text of r applies. */
vc_objset model_req_objectives(const vc_scheme *s, const vc_requirement *r);

/* The level ids of r's texts joined by sep ("must+should"). Caller frees. */
char *model_req_levels_string(const vc_scheme *s, const vc_requirement *r,
                              const char *sep);

/* The text of p in lang, or NULL. */
const char *prose_get(const vc_prose *p, const char *lang);
/* The text in lang, else in the source language (first translation). */
const char *prose_text(const vc_prose *p, const char *lang);
static inline bool prose_present(const vc_prose *p)
{
	return p->n > 0;
}
/* The plain text of p in lang (else in the source language) for titles,
 * headings and bookmarks: the Markdown rendered as text (md_plain_text),
 * allocated in a; "" when p is NULL or absent. */
const char *prose_plain(arena *a, const vc_prose *p, const char *lang);

/* A set of objectives as the ids joined by sep. Caller frees. */
char *model_objset_string(const vc_scheme *s, vc_objset set, const char *sep);

#endif
