package id.smartcity.platform.openapi;

import id.smartcity.platform.http.ExactDecimal;

/**
 * Bounds and patterns that many schemas of the contract share (annotation values must be
 * constants). Every string and number the API sends or accepts has a documented bound: request
 * limits are enforced by Bean Validation, response limits follow from them and from the columns.
 */
public final class SchemaLimits {

    public static final String INT32_MAX = "2147483647";
    public static final String INT64_MAX = "9223372036854775807";

    /** A decimal number written as a string, as the API shows computed and exact values. */
    public static final String DECIMAL = "^-?\\d+(\\.\\d+)?$";

    /** A decimal as {@link ExactDecimal#value}: rounded to two decimals. */
    public static final String DECIMAL_2 = "^-?\\d+\\.\\d{2}$";

    /** Money in responses: a non-negative amount in IDR with two decimals (sums may pass 16 digits). */
    public static final String AMOUNT = "^\\d{1,20}\\.\\d{2}$";

    /** An assessment period: a year, a half or a quarter. */
    public static final String PERIOD = "^\\d{4}(-(S[12]|Q[1-4]))?$";

    /** A SHA-256 digest, lower-case hex. */
    public static final String SHA256 = "^[0-9a-f]{64}$";

    private SchemaLimits() {}
}
