package org.ws2.web;

import java.util.Collection;

import org.ws2.web.api.Problem;

/**
 * A refusal from the API, placed beside the form field it names, for every form of the pages: the API
 * names the request field ({@code heldOn}, {@code links[0].url}, {@code tags[2]}), which a form shows as one
 * input ({@code links}, {@code tags}); a problem that names no field of the form is shown once, at the form's
 * end. Pages hold it as the model attribute {@code fp} (see {@link #MODEL}); templates ask
 * {@code ${fp.at('record', 'heldOn')}}; {@link #NONE} answers false everywhere, so a page without a refusal
 * needs no null checks.
 *
 * @param form  which of the page's forms was refused
 * @param field the form's input the problem belongs to, or "" for the form as a whole
 */
public record FieldProblem(String form, String field, Problem problem) {

    public static final FieldProblem NONE = new FieldProblem("", "", null);
    /** The model attribute the templates read. */
    public static final String MODEL = "fp";

    /** The problem placed in {@code form}: beside the input among {@code fields} it names, else at the end. */
    public static FieldProblem of(String form, Problem problem, Collection<String> fields) {
        String named = problem.field() == null ? "" : problem.field().split("[.\\[]", 2)[0];
        return new FieldProblem(form, fields.contains(named) ? named : "", problem);
    }

    /** Whether the problem belongs beside this input of this form. */
    public boolean at(String form, String field) {
        return problem != null && this.form.equals(form) && this.field.equals(field);
    }

    /** Whether this form was refused (the page shows what was typed in it, not what the API holds). */
    public boolean in(String form) {
        return problem != null && this.form.equals(form);
    }

    /** Whether any form of the page was refused. */
    public boolean refused() {
        return problem != null;
    }

    /** Whether the problem belongs to this form as a whole (no input of it was named). */
    public boolean general(String form) {
        return at(form, "");
    }

    /** The id of the problem's text, for the input's {@code aria-describedby}; null (no attribute) elsewhere. */
    public String describedBy(String form, String field) {
        return at(form, field) ? id(form, field) : null;
    }

    /** "true" for the input the problem names, null (no attribute) for the others. */
    public String invalid(String form, String field) {
        return at(form, field) ? "true" : null;
    }

    public static String id(String form, String field) {
        return form + "-" + (field.isEmpty() ? "form" : field) + "-problem";
    }

    /** {@link #id} for templates, which reach a record's methods more easily than a static one. */
    public String idOf(String form, String field) {
        return id(form, field);
    }

    public String message() {
        return problem == null ? null : problem.message();
    }
}
