package gov.exports.portal.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;

/** Bearer tokens for the JSON API from Keycloak's token endpoint (password grant on the demo-only portal-cli client). */
public final class Tokens {

    private record Cached(String token, long expiresAtMillis) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

    private Tokens() {
    }

    /** A cached token of the user, replaced when less than 30 s of its life is left (the suite outlasts a token). */
    public static String accessToken(String username) {
        return CACHE.compute(username, (u, c) -> c != null && c.expiresAtMillis() - System.currentTimeMillis() > 30_000 ? c
                : fresh(accessToken("portal-cli", u))).token();
    }

    private static Cached fresh(String token) {
        return new Cached(token, expiresAt(token));
    }

    /** The token's own expiry (its exp claim), in epoch milliseconds. */
    public static long expiresAt(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = EXP.matcher(payload);
        if (!m.find()) {
            throw new IllegalStateException("token without exp claim");
        }
        return Long.parseLong(m.group(1)) * 1000;
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
