package gov.exports.portal.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import gov.exports.portal.customer.ApprovedCustomerSaved;

/** Test-only observer: records the events screening will listen to, to prove they are fired. A singleton (no proxy): tests read its fields. */
@Singleton
public class CdiEventRecorder {

    public final List<Long> submitted = new CopyOnWriteArrayList<>();
    public final List<Long> customersSaved = new CopyOnWriteArrayList<>();

    void onSubmitted(@Observes ApplicationSubmitted e) {
        submitted.add(e.applicationId());
    }

    void onCustomerSaved(@Observes ApprovedCustomerSaved e) {
        customersSaved.add(e.customerId());
    }
}
