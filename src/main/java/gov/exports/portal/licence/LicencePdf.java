package gov.exports.portal.licence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import gov.exports.portal.application.ApplicationSnapshot;

/** The licence as a PDF with the same content as the printable page (standard fonts: Latin text only). */
public final class LicencePdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;
    private String verifyUrl;

    private LicencePdf() {
    }

    public static byte[] render(Licence licence, String reference, ApplicationSnapshot snapshot) {
        return render(licence, reference, snapshot, null);
    }

    /** With the public verification address, so customs can check the licence is still valid. */
    public static byte[] render(Licence licence, String reference, ApplicationSnapshot snapshot, String verifyUrl) {
        LicencePdf pdf = new LicencePdf();
        pdf.verifyUrl = verifyUrl;
        try {
            return pdf.write(licence, reference, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(Licence l, String reference, ApplicationSnapshot s) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Export licence " + l.number);
        info.setAuthor("Export Licensing Office");
        newPage();
        text(bold, 18, "Export licence " + l.number);
        text(regular, 10, "United States export licence for advanced computing items to China and Macau");
        gap();
        text(bold, 12, "Licensee");
        text(regular, 10, l.organisation.legalName);
        text(bold, 12, "Status and validity");
        text(regular, 10, "Status: " + l.status.name() + ". Valid from " + l.validFrom + " to " + l.validTo + " inclusive.");
        text(regular, 10, "Issued on application " + reference + " by " + l.issuedByName + " on " + l.issuedAt.toLocalDate()
                + ", under licence policy " + l.policyCode + ".");
        if (verifyUrl != null) {
            text(regular, 10, "Verify that this licence is valid today at " + verifyUrl);
        }
        if (s != null) {
            text(bold, 12, "Parties");
            for (ApplicationSnapshot.Party p : s.parties()) {
                text(regular, 10, p.roleTitle() + ": " + p.name() + ", " + p.address() + ", " + p.city() + ", " + p.country());
            }
        }
        text(bold, 12, "Authorised product lines");
        for (LicenceLine line : l.getLines()) {
            text(regular, 10, line.description + ": " + String.format("%,d", line.authorisedQuantity) + " units, USD "
                    + String.format("%,.2f", line.authorisedValueUsd) + " (requested " + String.format("%,d", line.requestedQuantity)
                    + " units, USD " + String.format("%,.2f", line.requestedValueUsd) + ")");
        }
        text(regular, 10, "Total authorised value: USD " + String.format("%,.2f", l.getAuthorisedValue()));
        text(bold, 12, "Conditions");
        int i = 1;
        for (LicenceCondition c : l.getConditions()) {
            text(regular, 10, (i++) + ". " + c.text);
        }
        gap();
        text(regular, 9, "Verify this licence by its number with the Export Licensing Office.");
        out.close();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        doc.close();
        return bytes.toByteArray();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void gap() {
        y -= 8;
    }

    private void text(PDType1Font font, float size, String raw) throws IOException {
        for (String line : wrap(font, size, latin(raw))) {
            if (y < MARGIN + size) {
                newPage();
            }
            y -= size * 1.4f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(line);
            out.endText();
        }
        y -= 2;
    }

    private List<String> wrap(PDType1Font font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The standard fonts encode WinAnsi only: anything else (e.g. Chinese names) becomes '?'. */
    static String latin(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '–' || c == '—') {
                b.append('-');
            } else if (c == '\t') {
                b.append(' ');
            } else if ((c >= 32 && c < 127) || (c >= 160 && c <= 255) || c == '\n') {
                b.append(c);
            } else {
                b.append('?');
            }
        }
        return b.toString();
    }
}
