package gov.exports.portal.application;

import gov.exports.portal.web.PdfFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Supporting documents: PDF by content, names safe to store and to send back in a header. */
class DocumentRulesTest {

    @Test
    void onlyContentStartingWithThePdfMagicIsAPdf() {
        assertTrue(PdfFiles.isPdf("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(PdfFiles.isPdf("MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(PdfFiles.isPdf("%PDF".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(PdfFiles.isPdf(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void fileNamesLoseTheirPathControlCharactersAndQuotes() {
        assertEquals("passwd.pdf", PdfFiles.sanitiseFileName("../../etc/passwd.pdf"));
        assertEquals("evil.pdf", PdfFiles.sanitiseFileName("C:\\Users\\x\\evil.pdf"));
        assertEquals("report final.pdf", PdfFiles.sanitiseFileName("report\u0000\r\n final\".pdf"));
        assertEquals("statement.pdf", PdfFiles.sanitiseFileName("statement"));
        assertEquals("document.pdf", PdfFiles.sanitiseFileName("../"));
        assertEquals("document.pdf", PdfFiles.sanitiseFileName(null));
        assertEquals(200, PdfFiles.sanitiseFileName("a".repeat(500) + ".pdf").length());
    }

    @Test
    void downloadHeaderKeepsUnicodeNamesAndCannotBeBrokenOutOf() {
        assertEquals("attachment; filename=\"______.pdf\"; filename*=UTF-8''%E6%9C%80%E7%BB%88%E7%94%A8%E6%88%B7%E5%A3%B0%E6%98%8E.pdf",
                PdfFiles.contentDisposition("最终用户声明.pdf"));
        assertEquals("attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf", PdfFiles.contentDisposition("a b.pdf"));
    }
}
