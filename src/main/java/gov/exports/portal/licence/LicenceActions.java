package gov.exports.portal.licence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.NotificationService;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/** Senior officers suspend (reversibly), reinstate or revoke licences, always with a reason; the licensee is told. */
@ApplicationScoped
public class LicenceActions {

    public enum Action {
        SUSPEND("suspended", "licence.suspended"), REINSTATE("reinstated", "licence.reinstated"), REVOKE("revoked", "licence.revoked");

        final String done;
        final String auditAction;

        Action(String done, String auditAction) {
            this.done = done;
            this.auditAction = auditAction;
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    static String reason(String raw) {
        FormErrors errors = new FormErrors();
        String reason = Forms.required(errors, "reason", raw, "the reason", 10, 2000);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        return reason;
    }

    @Transactional
    public Licence apply(long licenceId, Action action, String rawReason, String version) {
        String reason = reason(rawReason);
        Licence l = Licence.findById(licenceId, LockModeType.PESSIMISTIC_WRITE);
        if (l == null) {
            throw new NotFoundException();
        }
        if (version != null && Forms.version(version) != l.version) {
            throw new PortalConflictException("Licence " + l.number + " was changed by someone else while you were reading it (it is now "
                    + l.status.name().toLowerCase() + "). Reload the page and check before acting.");
        }
        change(l, action, reason, null);
        return l;
    }

    /** The change itself, inside the caller's transaction, by the signed-in official. */
    void change(Licence l, Action action, String reason, String event) {
        change(l, action, reason, event, null);
    }

    /**
     * The change itself, inside the caller's transaction. {@code job}: the bulk suspension it belongs to, run by a worker
     * with no signed-in user; its audit record is then written as the system, naming the senior officer who asked.
     */
    void change(Licence l, Action action, String reason, String event, BulkSuspensionJob job) {
        LicenceStatus before = l.status;
        LicenceStatus after = switch (action) {
            case SUSPEND -> {
                if (before != LicenceStatus.ACTIVE && before != LicenceStatus.EXHAUSTED) {
                    throw new PortalConflictException("Licence " + l.number + " is " + before.name().toLowerCase() + ": only an active licence can be suspended.");
                }
                yield LicenceStatus.SUSPENDED;
            }
            case REINSTATE -> {
                if (before != LicenceStatus.SUSPENDED) {
                    throw new PortalConflictException("Licence " + l.number + " is " + before.name().toLowerCase() + ": only a suspended licence can be reinstated.");
                }
                if (LocalDate.now(ZoneOffset.UTC).isAfter(l.validTo)) {
                    yield LicenceStatus.EXPIRED;
                }
                yield l.getLines().stream().allMatch(LicenceLine::isUsedUp) ? LicenceStatus.EXHAUSTED : LicenceStatus.ACTIVE;
            }
            case REVOKE -> {
                if (before == LicenceStatus.REVOKED || before == LicenceStatus.EXPIRED) {
                    throw new PortalConflictException("Licence " + l.number + " is " + before.name().toLowerCase() + " and cannot be revoked.");
                }
                yield LicenceStatus.REVOKED;
            }
        };
        l.status = after;
        Licence.getEntityManager().flush();
        notifications.notifyOrganisation(l.organisation, "Licence " + l.number + " " + action.done,
                "Export licence " + l.number + " has been " + action.done + " by the licensing office. Reason: " + reason
                        + (after == LicenceStatus.SUSPENDED || after == LicenceStatus.REVOKED ? " No shipment may be made under it." : ""),
                "/licences/" + l.id);
        var beforeState = AuditLog.state("number", l.number, "status", before.name());
        var afterState = AuditLog.state("number", l.number, "status", after.name(), "reason", reason, "policyEvent", event);
        if (job == null) {
            audit.record(action.auditAction, "licence", l.id, beforeState, afterState);
        } else {
            afterState.put("bulkJob", job.id);
            afterState.put("requestedBy", job.requestedByName);
            afterState.put("requestedBySubject", job.requestedBySubject);
            audit.recordSystem(action.auditAction, "licence", l.id, beforeState, afterState);
        }
    }

    /**
     * All or nothing: every licence of the job is locked and suspended in the caller's one transaction, or none is (a licence
     * that is no longer active, or gone, stops it). {@code afterEach} hears how many are done, for the progress display.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suspendAll(BulkSuspensionJob job, IntConsumer afterEach) {
        List<Licence> locked = Licence.getEntityManager()
                .createQuery("from Licence where id in :ids order by id", Licence.class).setParameter("ids", job.licenceIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (locked.size() != job.licenceIds.size()) {
            throw new PortalConflictException("A licence on the list no longer exists.");
        }
        int done = 0;
        for (Licence l : locked) {
            change(l, Action.SUSPEND, job.reason, job.eventReference, job);
            afterEach.accept(++done);
        }
        return done;
    }
}
