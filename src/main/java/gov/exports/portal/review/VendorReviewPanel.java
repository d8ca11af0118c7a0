package gov.exports.portal.review;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import gov.exports.portal.application.Application;
import gov.exports.portal.licence.Licence;

/**
 * What the vendor's application page shows of the review: information requests, decision letters and the licence.
 * Never internal notes, recommendations or the assigned officer. Used from templates as {@code inject:vendorReview}.
 */
@Named("vendorReview")
@ApplicationScoped
public class VendorReviewPanel {

    public record View(List<InformationRequest> requests, List<DecisionLetter> letters, Licence licence) {
        public InformationRequest getOpenRequest() {
            return requests.stream().filter(InformationRequest::isOpen).findFirst().orElse(null);
        }

        public boolean isAny() {
            return !requests.isEmpty() || !letters.isEmpty() || licence != null;
        }
    }

    public View of(Application app) {
        return new View(InformationRequest.of(app.id), DecisionLetter.of(app.id), Licence.ofApplication(app.id));
    }
}
