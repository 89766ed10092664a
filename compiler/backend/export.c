/*
 * export.c - canonical JSON export of a catalogue version.
 */
#include "export.h"

#include "backend.h"

#include "base/json.h"

void export_json_prose(json_writer *w, const vc_prose *p)
{
	if (!p || !p->n) {
		json_null(w);
		return;
	}
	json_begin_object(w);
	for (size_t i = 0; i < p->n; i++) {
		json_key(w, p->tr[i].lang);
		json_string(w, p->tr[i].text);
	}
	json_end_object(w);
}

static void objset(json_writer *w, const vc_scheme *s, vc_objset set)
{
	json_begin_array(w);
	for (size_t i = 0; i < s->nobjectives; i++)
		if (set & (1u << i))
			json_string(w, s->objectives[i].id);
	json_end_array(w);
}

static void refs(json_writer *w, const vc_ref *r, size_t n)
{
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		json_begin_object(w);
		json_key(w, "standard");
		json_string(w, r[i].standard->id);
		json_key(w, "id");
		json_string(w, r[i].id);
		json_end_object(w);
	}
	json_end_array(w);
}

static void requirement(json_writer *w, const vc_scheme *s,
                        const vc_requirement *r)
{
	json_begin_object(w);
	json_key(w, "id");
	json_string(w, r->label);
	json_key(w, "label");
	json_string(w, r->letter);
	json_key(w, "uid");
	json_string(w, r->uid);
	json_key(w, "texts");
	json_begin_object(w);
	for (size_t l = 0; l < s->nlevels; l++)
		if (prose_present(model_req_text(r, l))) {
			json_key(w, s->levels[l].id);
			export_json_prose(w, model_req_text(r, l));
		}
	json_end_object(w);
	json_key(w, "applies_to");
	objset(w, s, r->applies_to);
	json_key(w, "references");
	refs(w, r->refs, r->nrefs);
	json_key(w, "change_note");
	export_json_prose(w, &r->change_note);
	json_end_object(w);
}

static void question(json_writer *w, const vc_scheme *s, const vc_question *q)
{
	json_begin_object(w);
	json_key(w, "number");
	json_string(w, q->number);
	json_key(w, "uid");
	json_string(w, q->uid);
	json_key(w, "withdrawn");
	json_bool(w, q->withdrawn);
	json_key(w, "successors");
	json_begin_array(w);
	for (size_t i = 0; i < q->nsuccessors; i++)
		if (q->successors[i])
			json_string(w, q->successors[i]->uid);
	json_end_array(w);
	json_key(w, "title");
	export_json_prose(w, &q->title);
	json_key(w, "question");
	export_json_prose(w, &q->question);
	json_key(w, "objective");
	export_json_prose(w, &q->objective);
	json_key(w, "applies_to");
	objset(w, s, q->applies_to);
	json_key(w, "references");
	refs(w, q->refs, q->nrefs);
	json_key(w, "further_information");
	export_json_prose(w, &q->further);
	json_key(w, "evidence");
	export_json_prose(w, &q->evidence);
	json_key(w, "change_note");
	export_json_prose(w, &q->change_note);
	json_key(w, "requirements");
	json_begin_array(w);
	for (size_t i = 0; i < q->nreqs; i++)
		requirement(w, s, &q->reqs[i]);
	json_end_array(w);
	json_end_object(w);
}

void export_json(const vc_version *v, FILE *fp)
{
	const vc_scheme *s = v->scheme;
	json_writer w;
	json_init(&w, fp, 2);
	json_begin_object(&w);
	json_key(&w, "format");
	json_string(&w, "vcsc-catalogue");
	json_key(&w, "format_version");
	json_int(&w, 2);
	json_key(&w, "id");
	json_string(&w, v->key);
	json_key(&w, "catalogue");
	json_string(&w, v->catalogue);
	json_key(&w, "version");
	json_string(&w, v->version);
	json_key(&w, "status");
	json_string(&w, v->draft ? "draft" : "released");
	json_key(&w, "released");
	json_string(&w, v->released);
	json_key(&w, "predecessor");
	json_string(&w, v->predecessor);
	json_key(&w, "licence");
	json_string(&w, v->licence);
	json_key(&w, "languages");
	json_begin_array(&w);
	for (size_t i = 0; i < v->nlanguages; i++) {
		json_begin_object(&w);
		json_key(&w, "id");
		json_string(&w, v->languages[i].id);
		json_key(&w, "status");
		json_string(&w,
		            v->languages[i].complete ? "complete" : "partial");
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "title");
	export_json_prose(&w, &v->title);
	json_key(&w, "summary");
	export_json_prose(&w, &v->summary);
	json_key(&w, "objectives");
	json_begin_array(&w);
	for (size_t i = 0; i < s->nobjectives; i++) {
		json_begin_object(&w);
		json_key(&w, "id");
		json_string(&w, s->objectives[i].id);
		json_key(&w, "title");
		export_json_prose(&w, &s->objectives[i].title);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "question_numbers");
	json_string(&w, s->sections ? "N.M.K" : "N.M");
	json_key(&w, "levels");
	json_begin_array(&w);
	for (size_t i = 0; i < s->nlevels; i++) {
		const vc_level *l = &s->levels[i];
		json_begin_object(&w);
		json_key(&w, "id");
		json_string(&w, l->id);
		json_key(&w, "title");
		export_json_prose(&w, &l->title);
		json_key(&w, "exemption");
		json_string(&w, l->exemption);
		json_key(&w, "applies_to");
		objset(&w, s, l->applies_to);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "answers");
	json_begin_object(&w);
	json_key(&w, "per");
	json_string(&w, s->answer_unit == VC_ANSWER_QUESTION ? "question"
	                                                     : "requirement");
	json_key(&w, "target");
	if (s->answer_target >= 0)
		json_int(&w, s->answer_target);
	else
		json_null(&w);
	json_key(&w, "scale");
	json_begin_array(&w);
	for (size_t i = 0; i < s->nanswers; i++) {
		const vc_answer *a = &s->answers[i];
		json_begin_object(&w);
		json_key(&w, "id");
		json_string(&w, a->id);
		json_key(&w, "title");
		export_json_prose(&w, &a->title);
		json_key(&w, "value");
		if (a->value >= 0)
			json_int(&w, a->value);
		else
			json_null(&w);
		json_key(&w, "counts_as");
		json_string(&w, a->counts_as);
		json_key(&w, "justification");
		json_string(&w, a->justification);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_key(&w, "chapters");
	json_begin_array(&w);
	for (size_t i = 0; i < v->nchapters; i++) {
		const vc_chapter *ch = &v->chapters[i];
		json_begin_object(&w);
		json_key(&w, "number");
		json_int(&w, ch->number);
		json_key(&w, "title");
		export_json_prose(&w, &ch->title);
		json_key(&w, "introduction");
		export_json_prose(&w, &ch->introduction);
		/* with sections, the questions are listed in their section */
		json_key(&w, "sections");
		json_begin_array(&w);
		for (size_t k = 0; k < ch->nsections; k++) {
			const vc_section *sec = ch->sections[k];
			json_begin_object(&w);
			json_key(&w, "number");
			json_string(&w, sec->number);
			json_key(&w, "uid");
			json_string(&w, sec->uid);
			json_key(&w, "title");
			export_json_prose(&w, &sec->title);
			json_key(&w, "introduction");
			export_json_prose(&w, &sec->introduction);
			json_key(&w, "change_note");
			export_json_prose(&w, &sec->change_note);
			json_key(&w, "questions");
			json_begin_array(&w);
			for (size_t j = 0; j < sec->nquestions; j++)
				question(&w, s, sec->questions[j]);
			json_end_array(&w);
			json_end_object(&w);
		}
		json_end_array(&w);
		json_key(&w, "questions");
		json_begin_array(&w);
		for (size_t j = 0; !ch->nsections && j < ch->nquestions; j++)
			question(&w, s, ch->questions[j]);
		json_end_array(&w);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

static void export_stream(const void *v, FILE *fp)
{
	export_json(v, fp);
}

int export_write(const vc_version *v, const char *path, diags *d)
{
	return backend_write_file(path, export_stream, v, d);
}
