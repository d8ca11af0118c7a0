package gov.exports.portal.screening;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** Test-only parties that stand in for open applications until those exist: re-screened on every list update. */
@ApplicationScoped
public class TestSubjectSource implements ScreeningSubjectSource {

    public static final String TYPE = "TEST_PARTY";

    private final List<ScreeningSubject> open = new CopyOnWriteArrayList<>();

    @Override
    public String subjectType() {
        return TYPE;
    }

    @Override
    public List<ScreeningSubject> openSubjects() {
        return List.copyOf(open);
    }

    public void set(List<ScreeningSubject> subjects) {
        open.clear();
        open.addAll(subjects);
    }
}
