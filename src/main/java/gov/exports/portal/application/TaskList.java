package gov.exports.portal.application;

import java.util.List;

/** The draft's sections in the style of a government task list: each not started, in progress or completed. */
public record TaskList(List<Section> sections) {

    public enum SectionStatus { NOT_STARTED, IN_PROGRESS, COMPLETED }

    public record Section(String key, String title, String href, SectionStatus status) {
        public boolean isCompleted() {
            return status == SectionStatus.COMPLETED;
        }
    }

    public boolean isComplete() {
        return sections.stream().allMatch(Section::isCompleted);
    }

    public long getCompletedCount() {
        return sections.stream().filter(Section::isCompleted).count();
    }

    static SectionStatus of(boolean started, boolean complete) {
        return complete ? SectionStatus.COMPLETED : started ? SectionStatus.IN_PROGRESS : SectionStatus.NOT_STARTED;
    }
}
