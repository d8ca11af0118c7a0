package gov.exports.portal.support;

import java.util.List;

import io.restassured.response.Response;

/** Posts a url-encoded form within a signed-in session, with its CSRF token, as a browser would. */
public final class FormPost {

    private FormPost() {
    }

    /** {@code keyValues}: name, value, name, value ...; a List value posts the name once per element (checkboxes). */
    public static Response post(PortalSession session, String path, Object... keyValues) {
        var req = session.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", session.csrfToken());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            String name = (String) keyValues[i];
            req = keyValues[i + 1] instanceof List<?> list ? req.formParam(name, list.toArray()) : req.formParam(name, keyValues[i + 1]);
        }
        return req.post(path);
    }
}
