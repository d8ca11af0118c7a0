package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** Problems with what an official entered, per field, for templates/tags/errorSummary.html and field.html. */
@TemplateData
public class FormProblems {

    @TemplateData
    public record Problem(String field, String message) {
    }

    private final List<Problem> list = new ArrayList<>();

    public FormProblems add(String field, String message) {
        list.add(new Problem(field, message));
        return this;
    }

    public boolean any() {
        return !list.isEmpty();
    }

    public boolean isAny() {
        return any();
    }

    public List<Problem> list() {
        return list;
    }

    public List<Problem> getList() {
        return list;
    }

    public String get(String field) {
        return list.stream().filter(p -> p.field().equals(field)).map(Problem::message).findFirst().orElse(null);
    }
}
