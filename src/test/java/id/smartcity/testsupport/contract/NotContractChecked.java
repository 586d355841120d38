package id.smartcity.testsupport.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class or method: neither its requests nor its responses are checked against the
 * contract. Use sparingly, for tests of raw HTTP edge cases that no operation describes; say why
 * where it is used.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NotContractChecked {
    /** Why the test's exchanges are outside the contract. */
    String value() default "";
}
