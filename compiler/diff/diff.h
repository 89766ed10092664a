/*
 * diff/ - comparing two catalogue versions: pairing and classification
 * (diff.c), word diffs (diff_words.c, diff_show.c) and the change log as
 * an XML tree for the site and the HTML page (diff_xml.c). The documents
 * made from a diff are back ends (backend/changelog.h).
 *
 * diff.h - comparing two catalogue versions as catalogues.
 *
 * diff_versions() pairs the chapters, sections, questions and requirements
 * of an old and a new version and classifies every change between them.
 * The result is a tree that the renderers (text, JSON, HTML and PDF) walk,
 * and the pairing that carries answers and audit verdicts from one version
 * to the next.
 *
 * Chapters pair by number. Pairing of sections (where a scheme numbers
 * questions N.M.K), questions and requirements, in this order:
 *   1. by stable uid;
 *   2. by number among what is left: a section by its number "N.M", a
 *      question by its number "N.M" or "N.M.K", a requirement by its
 *      letter inside the question its own question was paired with;
 *      accepted only when the texts are at least a little alike
 *      (similarity >= DIFF_NUMBER_SIMILARITY), so that a deleted item and a
 *      new one that happens to get its number are not taken for one;
 *   3. by text similarity among what is still left (>= DIFF_TEXT_SIMILARITY,
 *      the most similar pairs first).
 * The text compared is a section's title and introduction, a question's
 * title, question and objective, a requirement's statements.
 * Withdrawn placeholders (withdrawn: true) take part in step 1 only. An old
 * question that the new version withdraws is paired with its placeholder,
 * and item->successors names every question that takes its place (one or
 * more, in the order the placeholder gives them); its requirements are
 * part of the withdrawal (kind DIFF_WITHDRAWN, with item->suggestion the
 * most similar requirement of any successor, if one is similar enough).
 *
 * Classification. Every pair (or lone item) gets a placement:
 *   added, removed       no partner (an old withdrawn placeholder that the
 *                        new version makes live again counts as added);
 *   withdrawn            live in old, withdrawn placeholder in new;
 *   moved                a section in another chapter, a question in
 *                        another chapter or in a section that is not its
 *                        old section's partner, a requirement under
 *                        another question;
 *   renumbered           a new number not explained by insertions;
 *   shifted              the number moved only by the items added, removed
 *                        or moved in or out before it in its chapter
 *                        (sections), section or chapter (questions) or
 *                        question (requirements), or, for a question, only
 *                        with its section's number (renumbering table
 *                        only, not a reported change);
 *   unchanged            same place.
 * then uid, when a pair found by number or similarity has a new uid
 * (uids are meant to be stable: this is reported), and, when both sides
 * are live, per field changes of the text in the
 * source language (of a chapter or section: title and introduction): text
 * (wording; with a word-level diff), whitespace (same text once runs of white
 * space are collapsed), formatting (same plain text once the Markdown is
 * rendered; with the word diff of the source), translation-stale (the source
 * text changed in wording, another language kept the very same text), level
 * (the set of must/should statements), applicability (of a question; of a
 * requirement only when it narrows its objectives in either version),
 * references (added and removed identifiers), and successor (a placeholder
 * withdrawn in both names another set of successors: the old successors'
 * partners are compared with the new successors as sets, so order alone is no
 * change). Translations: in a language other than the compared one that both
 * versions mark complete, a text of a field whose compared text kept its
 * wording that changed anyway is reported per field: translation (its
 * wording; a translation added or removed beside an unchanged compared
 * text too), or whitespace or formatting with that language as c->lang.
 * Where the compared text was reworded, the translation's change is part
 * of that change (or the translation is stale). A language whose status
 * differs between the versions (partial, complete, not there) is
 * reported once, not per text: a language change in d->lang_changes with
 * the numbers of its texts added, changed and removed. A language that
 * is partial in both is looked at only for translation-stale.
 * Children of an added, removed or withdrawn question are part of that
 * change and are not reported on their own; the questions of an added or
 * removed chapter or section are (each is added, removed or moved). A
 * change_note is never a change: it is shown beside the changes of its
 * item (a section's too).
 *
 * Order: the change logs list chapter, section, question (d->outline):
 * each chapter, the questions of the chapter outside any section, then
 * each of its sections followed by its questions; sections and questions
 * by new number, removed ones at their old number after the new one
 * holding that number, a removed question under the partner of its old
 * section. Versions of a scheme without sections have no section items
 * and keep the order and output they always had. Versions of schemes that
 * differ in having sections compare their questions by chapter only.
 *
 * Ownership: a diff_result owns one arena holding every item, change and
 * segment; diff_free() releases it. It points into both versions (texts,
 * numbers, uids), which must outlive it. diff_words() allocates in the
 * arena it is given. diff_changelog_xml() copies what it needs into the
 * XML document, which then no longer depends on the diff.
 */
#ifndef VCSC_DIFF_H
#define VCSC_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "front/model.h"
#include "base/util.h"

#define DIFF_NUMBER_SIMILARITY 0.3
#define DIFF_TEXT_SIMILARITY 0.6

/* Kinds of change, in the order a report lists them for one item. */
typedef enum diff_kind {
	DIFF_UNCHANGED, /* a placement only: same place */
	DIFF_ADDED,
	DIFF_REMOVED,
	DIFF_WITHDRAWN,
	DIFF_MOVED,
	DIFF_RENUMBERED,
	DIFF_SHIFTED, /* a placement only: renumbering table */
	DIFF_UID,
	DIFF_LEVEL,
	DIFF_TEXT,
	DIFF_WHITESPACE,
	DIFF_FORMATTING,
	DIFF_TRANSLATION_STALE,
	DIFF_TRANSLATION, /* a text of another language, the compared
	                     one's unchanged */
	DIFF_APPLICABILITY,
	DIFF_REFERENCES,
	DIFF_SUCCESSOR,
	DIFF_LANGUAGE, /* of the version: a language's status changed */
	DIFF_NKINDS
} diff_kind;

/* The name used in reports and JSON: "added", "translation-stale", ... */
const char *diff_kind_name(diff_kind k);

typedef enum diff_type {
	DIFF_CHAPTER,
	DIFF_SECTION,
	DIFF_QUESTION,
	DIFF_REQUIREMENT,
	DIFF_NTYPES
} diff_type;

/* "chapter", "section", "question", "requirement". */
const char *diff_type_name(diff_type t);

/* How a pair was found. */
typedef enum diff_how {
	DIFF_BY_NONE, /* a lone item */
	DIFF_BY_UID,
	DIFF_BY_NUMBER,
	DIFF_BY_SIMILARITY,
} diff_how;

/* "none", "uid", "number", "similarity". */
const char *diff_how_name(diff_how h);

/* A piece of a word-level diff. Concatenating the EQ and DEL pieces gives
 * the old text up to white space; EQ and INS give the new text exactly
 * (EQ pieces point into the new text). In a run of changes the DEL piece
 * comes before the INS piece. */
typedef enum diff_op { DIFF_EQ, DIFF_DEL, DIFF_INS } diff_op;
typedef struct diff_seg {
	diff_op op;
	const char *text; /* not NUL-terminated; points into old or new */
	size_t len;
} diff_seg;

/* One reported change of an item. Which members are set depends on kind. */
typedef struct diff_change {
	diff_kind kind;
	/* added, removed, withdrawn, moved, renumbered: the numbers ("1.2",
	 * "1.2.a", "1.6.3", "3" for a chapter, "1.6" for a section); NULL on
	 * the absent side */
	const char *old_number, *new_number;
	/* withdrawn: the successor questions in the new version, in the
	 * placeholder's order; successor: the new placeholder's
	 * (successors, in the new version) and the old one's
	 * (old_successors, in the old version); either list may be empty */
	const vc_question *const *successors, *const *old_successors;
	size_t nsuccessors, nold_successors;
	/* text, whitespace, formatting, translation, translation-stale: the
	 * field ("title", "question", "objective", "further_information",
	 * "evidence", "introduction", or a level id such as "must") and the
	 * language of its texts: the compared one (d->lang), or for a
	 * translation (and for whitespace or formatting in one) the
	 * translation's; translation-stale: the stale language; language:
	 * the language whose status changed */
	const char *field, *lang;
	/* text, whitespace, formatting, translation: the two texts (NULL
	 * when the field is absent on that side) and, but for whitespace,
	 * the word diff */
	const char *old_text, *new_text;
	diff_seg *segs;
	size_t nsegs;
	/* uid: the old and new uid */
	const char *old_uid, *new_uid;
	/* level: "must", "should" or "must+should" */
	const char *old_level, *new_level;
	/* applicability: objective ids joined by "," ("" for none) */
	const char *old_objectives, *new_objectives;
	/* references: the references added (in the new version, in its
	 * order) and removed (in the old version, in its order); a
	 * reference is the same on both sides when its standard id and
	 * identifier are */
	const vc_ref **refs_added, **refs_removed;
	size_t nadded, nremoved;
	/* language: "complete", "partial" or NULL (not in that version) on
	 * either side, and how many of its texts of fields both versions
	 * have came, went or changed while its compared text did not */
	const char *old_status, *new_status;
	size_t texts_added, texts_changed, texts_removed;
} diff_change;

typedef struct diff_item diff_item;

/* A pairing of one chapter, section, question or requirement: the old and
 * new nodes (NULL on the side where it is absent) and what changed. */
struct diff_item {
	diff_type type;
	const vc_chapter *old_ch, *new_ch;   /* DIFF_CHAPTER */
	const vc_section *old_s, *new_s;     /* DIFF_SECTION */
	const vc_question *old_q, *new_q;    /* DIFF_QUESTION */
	const vc_requirement *old_r, *new_r; /* DIFF_REQUIREMENT */
	const char *uid; /* new side's, else old's; NULL for a chapter */
	const char *old_number, *new_number; /* "1.2", "1.2.a", "3", "1.6" */
	diff_how how;
	double similarity; /* of the paired texts; 1 for equal, 0 if lone */
	diff_kind place;   /* DIFF_UNCHANGED, ADDED, REMOVED, WITHDRAWN,
	                      MOVED, RENUMBERED or SHIFTED */
	/* withdrawn questions and their requirements: every successor in
	 * the new version, in the placeholder's order */
	const vc_question *const *successors;
	size_t nsuccessors;
	/* requirements of a withdrawn question: the most similar
	 * requirement of any successor (a hint, not a pairing), or NULL */
	const vc_requirement *suggestion;
	/* the reported changes, placement first (never SHIFTED or
	 * UNCHANGED); empty for the children of an added, removed or
	 * withdrawn question */
	diff_change *changes;
	size_t nchanges;
	unsigned kinds; /* bit (1u << kind) for every change in changes */
	/* the new side's change note, or NULL */
	const vc_prose *change_note;
	/* questions: their requirements, the new question's in letter
	 * order, then the old question's that were removed; requirements:
	 * the question item they are listed under */
	diff_item **children;
	size_t nchildren;
	diff_item *parent;
	/* questions: the section item they are listed under (the new
	 * question's section, else the old one's), NULL without sections */
	diff_item *section;
	/* this item or one of its children has a reported change */
	bool reported;
};

typedef struct diff_result {
	arena *arena;
	const vc_version *old, *new;
	const char *lang; /* the language compared: new's source language */
	/* either version's scheme numbers questions N.M.K (sections) */
	bool has_sections;
	/* chapters in number order (old number for removed ones) */
	diff_item **chapters;
	size_t nchapters;
	/* sections in display order (see Order above); none without */
	diff_item **sections;
	size_t nsections;
	/* questions in display order (see Order above): by chapter, section
	 * and new number, removed ones at their old number after the new
	 * question holding that number */
	diff_item **questions;
	size_t nquestions;
	/* every chapter, section and question item, reported or not, in
	 * the order of the change logs: a chapter, its questions outside
	 * any section, then each of its sections followed by its
	 * questions */
	diff_item **outline;
	size_t noutline;
	/* the renumbering table: sections, questions and requirements
	 * placed MOVED, RENUMBERED or SHIFTED, by old number */
	diff_item **renumbered;
	size_t nrenumbered;
	/* look-ups by the model's index fields; an entry per node */
	diff_item **s_of_old, **s_of_new; /* by vc_section.index */
	diff_item **q_of_old, **q_of_new; /* by vc_question.index */
	diff_item **r_of_old, **r_of_new; /* by vc_requirement.index */
	/* the languages (other than lang) whose status differs between the
	 * versions, one DIFF_LANGUAGE change each, in the new version's
	 * language order, then those only the old version has */
	diff_change *lang_changes;
	size_t nlang_changes;
	/* number of reported changes of each kind (shifted: table entries) */
	size_t counts[DIFF_NKINDS];
	size_t nchanges; /* total reported changes */
} diff_result;

/* Compares two loaded, valid versions. Never fails (aborts only when out
 * of memory). The versions may come from different schemes. */
diff_result *diff_versions(const vc_version *old, const vc_version *new);
void diff_free(diff_result *d);

/* True when the versions do not differ: no reported change and an empty
 * renumbering table. */
bool diff_same(const diff_result *d);

/* The pairing, for carrying answers and audit verdicts to a new version.
 * For a requirement (or question) of d->old: its item, whose new_r (new_q)
 * is the partner or NULL, whose place says what happened to it, whose
 * kinds say what changed (0: carry over unchanged), and, for a withdrawn
 * one, every successor (successors, nsuccessors: an answer may go on in
 * any of them) and, for a requirement, the suggestion among all their
 * requirements. Never NULL for a node of d->old; NULL for a node of
 * another version. */
const diff_item *diff_pair_requirement(const diff_result *d,
                                       const vc_requirement *old_r);
const diff_item *diff_pair_question(const diff_result *d,
                                    const vc_question *old_q);
/* The same from the new side: the item of a node of d->new (for a
 * placeholder that withdraws an old question, the same item, with every
 * successor). */
const diff_item *diff_origin_requirement(const diff_result *d,
                                         const vc_requirement *new_r);
const diff_item *diff_origin_question(const diff_result *d,
                                      const vc_question *new_q);
/* The item of a section of d->old (diff_pair_section) or of d->new
 * (diff_origin_section); NULL for a section of another version. */
const diff_item *diff_pair_section(const diff_result *d,
                                   const vc_section *old_s);
const diff_item *diff_origin_section(const diff_result *d,
                                     const vc_section *new_s);

/* ---- the pieces, exported for the renderers and the unit tests ---- */

/* Word-level diff of two texts (either may be NULL: all inserted or all
 * deleted). The units are the segments of Unicode word segmentation (UAX
 * #29: a word such as "Überwachung" or "don't", a number such as "3.5",
 * a single punctuation character such as a dash) and runs of white space;
 * white space never counts as a change on its own. Pieces are allocated
 * in a; *n receives their number. */
diff_seg *diff_words(arena *a, const char *old, const char *new, size_t *n);

/* Similarity of two texts in [0, 1]: the Dice coefficient of their words
 * (ASCII letters folded to lower case), 1 for two texts without words. */
double diff_similarity(const char *a, const char *b);

/* Pairs old texts with new texts by similarity: candidate pairs scoring
 * at least min are taken greedily, most similar first (ties: lower old,
 * then lower new index). match_old[i] receives the index of the new
 * partner of olds[i] or SIZE_MAX, score[i] its similarity. Returns the
 * number of pairs. Large inputs look only at the best few candidates
 * that share rarer words, so the cost stays near linear. */
size_t diff_match(const char *const *olds, size_t no, const char *const *news,
                  size_t nn, double min, size_t *match_old, double *score);

/* True when a and b differ at most in white space (runs collapsed, ends
 * trimmed). NULL equals only NULL. */
bool diff_same_but_space(const char *a, const char *b);

/* True when a and b, parsed as Markdown, have the same plain text (white
 * space collapsed). */
bool diff_same_plain_text(const char *a, const char *b);

/* ---- for the renderers (diff_show.c) ---- */

/* The word diff of change c (text, formatting, level, translation) of
 * item it as shown in language lang: for a change of the compared
 * language d->lang, the diff of lang's own texts of the field when both
 * sides have them (present on the same sides as the compared texts) and
 * they differ in more than white space, otherwise c's own diff; for a
 * change in another language (translation), c's own diff, whatever lang
 * is. *actual receives the language the pieces are in, *n their number;
 * new pieces are allocated in a. */
const diff_seg *diff_change_words(const diff_result *d, const diff_item *it,
                                  const diff_change *c, const char *lang,
                                  arena *a, size_t *n, const char **actual);

/* The number of reported changes per type of item (DIFF_CHAPTER,
 * DIFF_SECTION, DIFF_QUESTION, DIFF_REQUIREMENT) and kind. */
void diff_count_types(const diff_result *d, size_t n[DIFF_NTYPES][DIFF_NKINDS]);

/* What a moved item (place DIFF_MOVED) left, for the renderers' words:
 * "question" for a requirement under another question, "section" for a
 * question in another section of the same chapter, "chapter" for a
 * section or question in another chapter. */
const char *diff_moved_out_of(const diff_item *it);

/* The title of an item (new side's, else old side's; a question's
 * placeholder without a title takes its old title), or NULL for a
 * requirement or an item without one. */
const vc_prose *diff_item_title(const diff_item *it);

/* What diff_walk_outline() shows: a chapter's or section's heading with
 * its own changes, or a question's entry. */
typedef void (*diff_show_fn)(void *ctx, const diff_item *it);

/* Walks d->outline as the HTML and PDF change logs group it: fn(ctx, it)
 * for a chapter and a section before the first item under it with a
 * reported change (or for its own), and for every question with one. A
 * question outside any section follows its chapter's heading, one in a
 * section its section's. */
void diff_walk_outline(const diff_result *d, diff_show_fn fn, void *ctx);

/* The standard of reference r of a references change as the change log
 * names it: the new scheme's standard of that id (its title may have
 * changed), else r's own. */
const vc_standard *diff_ref_standard(const diff_result *d, const vc_ref *r);

/* What a language change (DIFF_LANGUAGE) c means, as a word the
 * renderers turn into their own: "completed" (complete now, not before),
 * "incomplete" (complete before, partial now), "added" (partial, not in
 * the old version) or "removed" (not in the new version). */
const char *diff_language_event(const diff_change *c);

/* The numbers of texts of language change c that are not 0, in the order
 * added, changed, removed: n[i] of them what[i] ("added", "changed",
 * "removed"). Returns how many. */
size_t diff_language_texts(const diff_change *c, size_t n[3],
                           const char *what[3]);

/* The name of language id in the new scheme, else the old one, else id. */
const char *diff_language_name(const diff_result *d, const char *id);

/* ---- the change log as XML (the documents are in backend/changelog.h) ---- */

/* The change log as an XML element appended to parent, for the
 * templates of templates/site/changes.xsl (the website's change-log
 * pages and the standalone HTML page). Prose comes once per language of
 * langs (lang=".."; text-lang names the language a text fell back to).
 *
 *   <changelog from to catalogue old-key new-key old-released
 *              new-released old-draft new-draft compared-lang same
 *              sections?>           sections="true" where either scheme
 *                                   numbers questions N.M.K
 *     <question uid anchor/>        each question of the new version with
 *                                   an entry (anchor q-UID) or only a row
 *                                   of the number table (nq-/nr-UID)
 *     <objective-name id> <title lang/>  the new scheme's audit
 *     <level-name id> <title lang/>      objectives and requirement levels
 *     <counts total>
 *       <count kind chapters sections? questions requirements total/>
 *                                   kinds > 0 (sections with sections)
 *     <language-change lang name event old new added changed removed/>
 *                                   per language whose status changed
 *                                   (event: diff_language_event; old,
 *                                   new: complete or partial, missing
 *                                   where the version lacks it; added,
 *                                   changed, removed: counts of texts)
 *     <numbers shifted>             the renumbering table, by old number
 *       <row ITEM anchor entry?> <title lang/>   (the section's or the
 *                                   question's title)
 *     <chapter-entry ITEM number anchor>  chapters with a change or
 *       <title lang/> <change/>*    with changed questions, in the order
 *                                   of d->outline (diff_walk_outline)
 *       <entry ITEM anchor withdrawn>   a question outside any section
 *         <title lang/>                 (then its requirements, nested,
 *         <change/>* <note lang>XHTML</note>? <entry/>*  type="requirement")
 *       <section-entry ITEM number anchor>  a section with a change or
 *         <title lang/> <change/>*      with changed questions
 *         <note lang>XHTML</note>? <entry/>*
 *
 *   ITEM = type uid old-number new-number place (diff_kind_name)
 *          link-version link-question link-requirement: where to read
 *          it (the new version unless it is gone there); anchors are
 *          q-UID, r-UID, s-UID (entries), nq-, nr-, ns-UID (rows)
 *   <change kind="..."> by kind:
 *     added, removed    number, requirements (questions), was-withdrawn
 *     withdrawn         <successor side="new" version uid number> <title/>
 *                       per successor, in the placeholder's order
 *     moved, renumbered old new (numbers), and for moved out-of
 *                       (diff_moved_out_of); uid: old new (uids)
 *     level             old new ("must", "should", "must+should"), field,
 *                       and <diff> when the statement was reworded
 *     text, formatting, translation
 *                       field, lang (the language of a change in a
 *                       language other than the compared one: always for
 *                       translation), absent="old|new" when the field is
 *                       new or gone, <diff lang text-lang?> per language
 *                       holding <eq>, <del>, <ins> pieces of Markdown
 *                       source: the word diff of that language when both
 *                       sides have their own changed translation, else
 *                       of the compared language (text-lang says which);
 *                       a change with lang has the diff of that language
 *                       in every <diff>
 *     whitespace        field, lang as for text; translation-stale:
 *                       field lang
 *     applicability     old new (objective ids separated by spaces)
 *     references        <ref op="added|removed" standard title id/>
 *     successor         <successor side="old" .../> per successor the
 *                       old placeholder names, then side="new" per
 *                       successor of the new one (none: no element)
 * Element names differ from those of the site document (chapter,
 * question with a title, level) so that the site's keys never find them;
 * the <question> markers carry no title or file.
 * Returns the <changelog> element. */
xmlNodePtr diff_changelog_xml(xmlNodePtr parent, const diff_result *d,
                              const char *const *langs, size_t nlangs);

#endif
