package gov.exports.portal.congress;

/** Where a bill stands, derived from its actions by {@link BillStatusDerivation}. */
public enum BillStatus {
    INTRODUCED("Introduced"),
    IN_COMMITTEE("In committee"),
    REPORTED("Reported by committee"),
    PASSED_SENATE("Passed Senate"),
    PASSED_HOUSE("Passed House"),
    PASSED_BOTH("Passed both chambers"),
    TO_PRESIDENT("To the President"),
    BECAME_LAW("Became law"),
    VETOED("Vetoed"),
    FAILED("Failed");

    private final String words;

    BillStatus(String words) {
        this.words = words;
    }

    /** The status in plain words, as the public pages show it. */
    public String words() {
        return words;
    }

    /** The enum constant's name, for form values. */
    public String code() {
        return name();
    }

    public boolean isFinal() {
        return this == BECAME_LAW || this == VETOED || this == FAILED;
    }
}
