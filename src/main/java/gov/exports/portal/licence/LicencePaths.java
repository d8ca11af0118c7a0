package gov.exports.portal.licence;

import io.quarkus.qute.TemplateExtension;

/**
 * Links and form actions of a licence's pages, for templates: {@code licence.path('status')}. (Qute does not join
 * strings inside a section parameter: {@code action="/licences/"+licence.id} rendered the expression literally.)
 */
@TemplateExtension
public class LicencePaths {

    static String path(Licence licence, String section) {
        return "/licences/" + licence.id + "/" + section;
    }

    static String path(Licence licence, String collection, Long childId, String action) {
        return "/licences/" + licence.id + "/" + collection + "/" + childId + "/" + action;
    }
}
