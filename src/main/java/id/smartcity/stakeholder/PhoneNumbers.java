package id.smartcity.stakeholder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indonesian phone numbers, stored as {@code +62} followed by the number without its leading 0:
 * {@code 0812-3456-7890}, {@code +62 812 3456 7890}, {@code 62812...} and {@code (0281) 891234} all
 * normalise.
 */
public final class PhoneNumbers {

    private static final Pattern NORMALISED = Pattern.compile("\\+62[1-9]\\d{6,12}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    private PhoneNumbers() {}

    /** The normalised form, or empty when the input is not an Indonesian number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String national;
        if (digits.startsWith("+62")) {
            national = digits.substring(3);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        String result = "+62" + national;
        return NORMALISED.matcher(result).matches() ? Optional.of(result) : Optional.empty();
    }
}
