package gov.exports.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Uploaded PDFs, wherever they are taken (application documents, information-request answers, shipment
 * certificates): recognised by content, named safely, fingerprinted, and served as downloads.
 */
public final class PdfFiles {

    private static final byte[] MAGIC = { '%', 'P', 'D', 'F', '-' };

    private PdfFiles() {
    }

    /** A PDF by its first bytes, whatever its name or declared type says. */
    public static boolean isPdf(byte[] content) {
        if (content == null || content.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** No path, no control or quoting characters, at most 200 characters, always ending in .pdf. */
    public static String sanitiseFileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"*:<>?|;]", "").replaceAll("\\s+", " ").strip();
        name = name.replaceAll("^\\.+", "");
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            name = name + ".pdf";
        }
        if (name.length() > 200) {
            name = name.substring(0, 196) + ".pdf";
        }
        return name.equals(".pdf") ? "document.pdf" : name;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A download header that keeps non-ASCII names (RFC 6266 filename*) and cannot break out of its quotes. */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
