package gov.exports.portal.review;

import gov.exports.portal.application.Application;
import gov.exports.portal.web.FormErrors;
import io.quarkus.qute.TemplateExtension;

/** Links and form actions of the review pages, for templates: {@code app.casePath('take')}. */
@TemplateExtension
public class ReviewPaths {

    static String casePath(Application app, String action) {
        return "/review/cases/" + app.id + "/" + action;
    }

    static String answerPath(Application app, InformationRequest request) {
        return "/applications/" + app.id + "/information-requests/" + request.id + "/answer";
    }

    /** The error of a per-line field such as quantity-42. */
    static String lineError(FormErrors errors, String field, Long lineId) {
        return errors.get(field + "-" + lineId);
    }
}
