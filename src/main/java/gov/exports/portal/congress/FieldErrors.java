package gov.exports.portal.congress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Errors of a form, by field, in the order shown in the error summary (templates/tags/errorSummary.html). */
public class FieldErrors {

    public record Error(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean isAny() {
        return !byField.isEmpty();
    }

    public boolean any() {
        return isAny();
    }

    public List<Error> list() {
        List<Error> out = new ArrayList<>();
        byField.forEach((f, m) -> out.add(new Error(f, m)));
        return out;
    }

    public String get(String field) {
        return byField.get(field);
    }
}
