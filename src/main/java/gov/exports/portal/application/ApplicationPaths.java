package gov.exports.portal.application;

import io.quarkus.qute.TemplateExtension;

/** Links and form actions of an application's pages, for templates: {@code app.path('products')}. */
@TemplateExtension
public class ApplicationPaths {

    static String officerPath(Application app, String section) {
        return "/officer/applications/" + app.id + "/" + section;
    }

    static String path(Application app, String section) {
        return "/applications/" + app.id + "/" + section;
    }

    static String path(Application app, String section, String part) {
        return "/applications/" + app.id + "/" + section + "/" + part;
    }

    static String path(Application app, String collection, Long childId, String action) {
        return "/applications/" + app.id + "/" + collection + "/" + childId + (action.isEmpty() ? "" : "/" + action);
    }
}
