package id.smartcity.platform.security;

import id.smartcity.platform.problem.ApiException;
import java.util.regex.Pattern;

/** The Kemendagri region code, {@code NN.NN} (province.regency), e.g. {@code 33.03}. */
public final class RegionCodes {

    /** The pattern, for annotations ({@code @Pattern}, {@code @Schema}) and the contract. */
    public static final String PATTERN = "^\\d{2}\\.\\d{2}$";

    /** What a refusal says about a value that does not match it. */
    public static final String MESSAGE = "must be a Kemendagri code of the form NN.NN";

    public static final Pattern FORMAT = Pattern.compile(PATTERN);

    private RegionCodes() {}

    /** 400 naming the path parameter when it is not a region code at all. */
    public static String requireValid(String code) {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw ApiException.invalid("regionCode", MESSAGE);
        }
        return code;
    }
}
