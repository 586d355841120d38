package id.smartcity.testsupport.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class or method: the requests it sends are not checked against the contract (its
 * responses still are). For tests that send, on purpose, a request the contract does not allow and
 * that the server accepts all the same; say why where it is used.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface InvalidRequests {
    /** Why the test sends requests outside the contract. */
    String value() default "";
}
