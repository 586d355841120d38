package id.smartcity.document;

/** What a document is. An attendance sheet carries personal data (names, signatures: DESIGN §6). */
public enum DocumentKind {
    MINUTES,
    ATTENDANCE_SHEET,
    PHOTO,
    EVIDENCE,
    COMMITMENT,
    REGULATION,
    MASTERPLAN,
    REPORT,
    OTHER;

    public boolean personalData() {
        return this == ATTENDANCE_SHEET;
    }
}
