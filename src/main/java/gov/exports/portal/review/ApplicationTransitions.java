package gov.exports.portal.review;

import static gov.exports.portal.application.ApplicationStatus.APPROVED;
import static gov.exports.portal.application.ApplicationStatus.APPROVED_WITH_CONDITIONS;
import static gov.exports.portal.application.ApplicationStatus.DENIED;
import static gov.exports.portal.application.ApplicationStatus.DRAFT;
import static gov.exports.portal.application.ApplicationStatus.INFORMATION_REQUESTED;
import static gov.exports.portal.application.ApplicationStatus.RECOMMENDED;
import static gov.exports.portal.application.ApplicationStatus.RETURNED_WITHOUT_ACTION;
import static gov.exports.portal.application.ApplicationStatus.SUBMITTED;
import static gov.exports.portal.application.ApplicationStatus.UNDER_REVIEW;
import static gov.exports.portal.application.ApplicationStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.web.PortalConflictException;

/** The application lifecycle as one transition table (BRIEF: licence application lifecycle). */
public final class ApplicationTransitions {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = new EnumMap<>(ApplicationStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(SUBMITTED));
        ALLOWED.put(SUBMITTED, EnumSet.of(UNDER_REVIEW, WITHDRAWN));
        ALLOWED.put(UNDER_REVIEW, EnumSet.of(INFORMATION_REQUESTED, RECOMMENDED, WITHDRAWN));
        ALLOWED.put(INFORMATION_REQUESTED, EnumSet.of(UNDER_REVIEW, WITHDRAWN));
        ALLOWED.put(RECOMMENDED, EnumSet.of(APPROVED, APPROVED_WITH_CONDITIONS, DENIED, RETURNED_WITHOUT_ACTION, UNDER_REVIEW,
                WITHDRAWN));
        for (ApplicationStatus s : EnumSet.of(APPROVED, APPROVED_WITH_CONDITIONS, DENIED, RETURNED_WITHOUT_ACTION, WITHDRAWN)) {
            ALLOWED.put(s, EnumSet.noneOf(ApplicationStatus.class));
        }
    }

    private ApplicationTransitions() {
    }

    public static boolean allowed(ApplicationStatus from, ApplicationStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    public static Set<ApplicationStatus> from(ApplicationStatus status) {
        return Set.copyOf(ALLOWED.getOrDefault(status, Set.of()));
    }

    public static boolean isOpen(ApplicationStatus s) {
        return s == SUBMITTED || s == UNDER_REVIEW || s == INFORMATION_REQUESTED || s == RECOMMENDED;
    }

    public static boolean isDecided(ApplicationStatus s) {
        return s == APPROVED || s == APPROVED_WITH_CONDITIONS || s == DENIED || s == RETURNED_WITHOUT_ACTION;
    }

    /** Refuses an illegal move with a message saying what the application's status allows. */
    public static void require(String reference, ApplicationStatus from, ApplicationStatus to, String action) {
        if (!allowed(from, to)) {
            throw new PortalConflictException("Cannot " + action + ": application " + reference + " is " + words(from)
                    + ", and an application that is " + words(from) + " cannot become " + words(to) + ".");
        }
    }

    public static String words(ApplicationStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
