package id.smartcity.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import id.smartcity.platform.problem.JsonProblems;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How every value of a request body is read, by type rather than by field, so that a new field is
 * covered without anyone touching it (DESIGN §4):
 *
 * <ul>
 *   <li>strings: a JSON string only, holding nothing {@link StrictText} refuses;
 *   <li>dates: a {@code YYYY-MM-DD} string within {@link #MIN_DATE}..{@link #MAX_DATE}, never a
 *       number; date-times: an RFC 3339 string with offset, within the same years;
 *   <li>ids: a UUID string in its canonical 8-4-4-4-12 form; blank is refused, not read as null;
 *   <li>enums: exactly one of the constant names, no trimming, no other case, no numbers.
 * </ul>
 *
 * A refusal is a {@link Rejected} carrying the JSON path; {@link JsonProblems} names the field.
 */
public final class StrictJson {

    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);
    public static final String DATE_RULE = "must be a date YYYY-MM-DD between " + MIN_DATE + " and " + MAX_DATE;
    public static final String TIME_RULE = "must be an RFC 3339 date-time with offset between years "
            + MIN_DATE.getYear() + " and " + MAX_DATE.getYear() + ", e.g. 2024-07-11T09:00:00+07:00";
    public static final String UUID_RULE = "must be a UUID such as 4f9d3c1e-6a3b-4e0e-9a57-2b8f3f0c2d11";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private StrictJson() {}

    /** A value that breaks the reading rules; {@code reason} follows the field's name. */
    public static final class Rejected extends JsonMappingException {
        private final String reason;

        Rejected(JsonParser p, String reason) {
            super(p, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("strict-json");
        module.addDeserializer(String.class, new Scalar<>(String.class, text -> text, null));
        module.addDeserializer(LocalDate.class, new Scalar<>(LocalDate.class, StrictJson::date, DATE_RULE));
        module.addDeserializer(OffsetDateTime.class, new Scalar<>(OffsetDateTime.class, StrictJson::time, TIME_RULE));
        module.addDeserializer(UUID.class, new Scalar<>(UUID.class, StrictJson::uuid, UUID_RULE));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config, JavaType type, BeanDescription beanDesc, JsonDeserializer<?> d) {
                return new ExactEnum(type.getRawClass());
            }
        });
        return module;
    }

    /** A date of a request (body or query): {@link #DATE_RULE}, or null when it is not one. */
    public static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, STRICT_DATE);
            return date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date-time of a request (body or query): {@link #TIME_RULE}, or null when it is not one. */
    public static OffsetDateTime time(String text) {
        if (!TIME.matcher(text).matches()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text.replace('z', 'Z'));
            int year = time.getYear();
            return year < MIN_DATE.getYear() || year > MAX_DATE.getYear() ? null : time;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A UUID in canonical form, or null when {@code text} is not one. */
    public static UUID uuid(String text) {
        return UUID_FORM.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    /** A JSON string only, checked by {@link StrictText}, then converted (null from the converter: refused). */
    static final class Scalar<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> convert;
        private final String rule;

        Scalar(Class<T> type, Function<String, T> convert, String rule) {
            super(type);
            this.convert = convert;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new Rejected(p, rule == null ? "must be a string" : rule);
            }
            String text = p.getText();
            String problem = StrictText.problem(text);
            if (problem != null) {
                throw new Rejected(p, problem);
            }
            T value = convert.apply(text);
            if (value == null) {
                throw new Rejected(p, rule);
            }
            return value;
        }
    }

    /** Exactly a constant's name. */
    static final class ExactEnum<E extends Enum<E>> extends StdScalarDeserializer<E> {
        private final Map<String, E> byName;
        private final String rule;

        ExactEnum(Class<E> type) {
            super(type);
            byName = Arrays.stream(type.getEnumConstants()).collect(Collectors.toMap(Enum::name, e -> e));
            rule = "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            E value = p.currentToken() == JsonToken.VALUE_STRING ? byName.get(p.getText()) : null;
            if (value == null) {
                throw new Rejected(p, rule);
            }
            return value;
        }
    }
}
