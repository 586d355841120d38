package id.smartcity.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict request parsing for a system of record: no silent coercion ("12" for a number, 1.5 for
 * an integer, "" for null), no duplicate keys, no trailing garbage; strings, dates, date-times,
 * ids and enums read by {@link StrictJson}.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /** Last, so that StrictJson's date and time readers win over the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(StrictJson.module());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType type : new LogicalType[] {
            LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual, LogicalType.Enum
        }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(
                            CoercionInputShape.String,
                            type == LogicalType.Textual || type == LogicalType.Enum
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Integer,
                            // 4 is a fine decimal; it is only not a string, boolean or enum.
                            type == LogicalType.Integer || type == LogicalType.Float
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Float,
                            type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Boolean,
                            type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }
}
