package gov.exports.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertEquals("'=HYPERLINK(\"http://x\")", Csv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("Shanghai Example Cloud", Csv.cell("Shanghai Example Cloud"));
        assertEquals("", Csv.cell(null));
    }
}
