package id.smartcity.changes;

import id.smartcity.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The feed's opaque cursor: the position in the audit chain up to which the holder has seen every
 * event (base64url of {@code chg:<position>}). Chain positions are given out in commit order
 * (src/docs/changes.md#why-the-cursor-never-skips), so "everything after position n" never misses
 * an event that commits later and never repeats one.
 */
public final class ChangeCursor {

    private static final String PREFIX = "chg:";

    private ChangeCursor() {}

    public static String encode(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor; 0 (the start of the chain) for none; a 400 naming {@code field} otherwise. */
    public static long decode(String field, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (cursor.length() <= 40 && cursor.matches("[A-Za-z0-9_-]+")) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
                    String digits = text.substring(PREFIX.length());
                    if (digits.chars().allMatch(Character::isDigit)) {
                        return Long.parseLong(digits);
                    }
                }
            } catch (IllegalArgumentException e) {
                // Falls through to the problem below (NumberFormatException is one too).
            }
        }
        throw ApiException.invalid(field, "is not a cursor this feed issued");
    }
}
