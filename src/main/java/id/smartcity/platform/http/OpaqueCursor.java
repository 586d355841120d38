package id.smartcity.platform.http;

import id.smartcity.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset cursor that clients pass back without reading it: base64url (no padding) of {@code
 * <prefix><position>}. The prefix tells one list's cursors from another's ({@code after:} for audit
 * events, {@code chg:} for the change feed), so a cursor of one is refused by the other.
 */
public final class OpaqueCursor {

    /** The longest cursor accepted, as the contract declares it. */
    public static final int MAX_LENGTH = 40;

    private final String prefix;

    public OpaqueCursor(String prefix) {
        this.prefix = prefix;
    }

    public String encode(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((prefix + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; 0 for none; a 400 naming {@code field} for anything else. */
    public long decode(String field, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (cursor.length() <= MAX_LENGTH && cursor.matches("[A-Za-z0-9_-]+")) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (text.startsWith(prefix) && text.length() > prefix.length()) {
                    String digits = text.substring(prefix.length());
                    if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        return Long.parseLong(digits);
                    }
                }
            } catch (IllegalArgumentException e) {
                // Falls through to the problem below (NumberFormatException is one too).
            }
        }
        throw ApiException.invalid(field, "is not a cursor this API issued");
    }
}
