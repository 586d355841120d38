package id.smartcity.platform.http;

import id.smartcity.platform.input.StrictJson;
import id.smartcity.platform.input.StrictText;
import id.smartcity.platform.problem.ApiException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameter parsing that answers 400 naming the parameter. JAX-RS would answer a failed
 * conversion of a query parameter with 404, which misleads a caller.
 */
public final class Params {

    private Params() {}

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    public static Boolean bool(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    public static Integer integer(String name, String raw, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw ApiException.invalid(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be an integer");
        }
    }

    public static java.util.UUID uuid(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        java.util.UUID id = StrictJson.uuid(raw);
        if (id == null) {
            throw ApiException.invalid(name, "must be a UUID");
        }
        return id;
    }

    /** An RFC 3339 date-time with offset. */
    public static OffsetDateTime time(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        OffsetDateTime time = StrictJson.time(raw);
        if (time == null) {
            throw ApiException.invalid(name, StrictJson.TIME_RULE);
        }
        return time;
    }

    public static String text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (StrictText.length(raw) > maxLength) {
            throw ApiException.invalid(name, "must be at most " + maxLength + " characters");
        }
        return raw.strip();
    }
}
