package gov.exports.portal.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;

/** Bearer tokens for the JSON API from Keycloak's token endpoint (password grant on the demo-only portal-cli client). */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String accessToken(String username) {
        return CACHE.computeIfAbsent(username, u -> accessToken("portal-cli", u));
    }

    /** A token from any client of the realm (e.g. one whose tokens lack the API audience). */
    public static String accessToken(String clientId, String username) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", PortalSession.PASSWORD)
                .post(PortalSession.keycloakUrl() + "/realms/export-portal/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
