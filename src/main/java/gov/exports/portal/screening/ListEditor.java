package gov.exports.portal.screening;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.Session;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.PortalConflictException;

/** A senior officer adds or retires one entry by hand; each change is a list version of its own, audited. */
@ApplicationScoped
public class ListEditor {

    public static final String MANUAL_SOURCE = "Added by a senior officer";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<ListVersionPublished> published;

    @Transactional
    public ListEntry add(String name, List<String> altNames, String address, String country, String source,
            String reason) {
        lock();
        ListVersion v = version(ListVersion.Kind.MANUAL_ADD, reason);
        String code = Countries.code(country);
        ListEntryData data = new ListEntryData("manual-" + v.id, source == null || source.isBlank() ? MANUAL_SOURCE : source.strip(),
                "Entity", name.strip(), null, altNames, address == null && code == null ? List.of()
                        : List.of(new ListEntryData.Address(address, null, null, null, code)),
                null, null, LocalDate.now(), null, null, null, reason, null, 0);
        ListEntry e = new ListEntry();
        e.entryKey = data.key();
        e.origin = "MANUAL";
        e.source = data.source();
        e.entityType = data.entityType();
        e.name = data.name();
        e.altNamesJson = AuditLog.toJson(data.altNames());
        e.addressesJson = AuditLog.toJson(data.addresses());
        e.startDate = data.startDate();
        e.remarks = reason;
        e.contentHash = data.contentHash();
        e.addedIn = v;
        e.persist();
        e.flush();
        for (ListImporter.NameRow n : ListImporter.nameRows(data)) {
            em.createNativeQuery("INSERT INTO screening_name (entry_id, kind, original, name_key) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, e.id).setParameter(2, n.kind()).setParameter(3, n.original()).setParameter(4, n.key())
                    .executeUpdate();
        }
        v.entryCount = inForce();
        v.added = 1;
        em.flush();
        audit.record("screening.entry.added", "screening_entry", e.id, null, AuditLog.state("version", v.id, "name", e.name,
                "altNames", data.altNames(), "address", e.addressesText(), "source", e.source, "reason", reason));
        published.fire(new ListVersionPublished(v.id));
        return e;
    }

    @Transactional
    public ListEntry retire(long entryId, String reason) {
        lock();
        ListEntry e = ListEntry.findById(entryId);
        if (e == null) {
            throw new NotFoundException();
        }
        if (e.retiredIn != null) {
            throw new PortalConflictException("This entry was already retired (in list version " + e.retiredIn.id + ").");
        }
        ListVersion v = version(ListVersion.Kind.MANUAL_RETIRE, reason);
        e.retiredIn = v;
        e.retiredReason = "Retired by hand: " + reason.strip();
        e.flush();
        em.createNativeQuery("UPDATE screening_name SET active = false WHERE entry_id = ?1").setParameter(1, e.id).executeUpdate();
        v.entryCount = inForce();
        v.removed = 1;
        em.flush();
        audit.record("screening.entry.retired", "screening_entry", e.id, AuditLog.state("inForce", true, "name", e.name),
                AuditLog.state("inForce", false, "version", v.id, "reason", reason.strip()));
        published.fire(new ListVersionPublished(v.id));
        return e;
    }

    private ListVersion version(ListVersion.Kind kind, String note) {
        ListVersion v = new ListVersion();
        v.kind = kind;
        v.note = note.strip();
        v.createdBySubject = currentUser.subject();
        v.createdByName = currentUser.displayName();
        v.persist();
        v.flush();
        return v;
    }

    private void lock() {
        em.unwrap(Session.class).doWork(ListImporter::lock);
    }

    private int inForce() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM screening_entry WHERE retired_in IS NULL").getSingleResult()).intValue();
    }
}
