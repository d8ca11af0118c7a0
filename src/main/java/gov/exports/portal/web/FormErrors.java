package gov.exports.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation messages of one form, in field order: shown next to each field ({@code errors.get('name')})
 * and in the error summary ({@code errors.list}). The field name is also the input's id, so summary links focus it.
 */
public class FormErrors {

    public record FieldError(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean isAny() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public List<FieldError> getList() {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((f, m) -> list.add(new FieldError(f, m)));
        return list;
    }

    public static FormErrors none() {
        return new FormErrors();
    }
}
