package id.smartcity.testsupport.contract;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Switches the contract checks ({@link ContractFilter}) on for every test, without touching the
 * tests: registered through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * JUnit's extension autodetection ({@code junit.jupiter.extensions.autodetection.enabled=true}, which
 * the build passes to Surefire as a configuration parameter; Quarkus's own {@code
 * junit-platform.properties} turns it on as well, e.g. in an IDE).
 *
 * <p>Before all of a class's tests, and before and after each test, it installs the filter (once)
 * and tells it what to check: {@link NotContractChecked} on the method or the class (or an enclosing
 * class) turns off all checks, {@link InvalidRequests} the checks of request bodies. {@code
 * -Dcontract.validation=false} turns everything off.
 *
 * <p>A {@code @QuarkusTest} class is loaded by Quarkus's class loader, with its own copy of
 * RestAssured: the filter is therefore loaded, installed and configured through the test class's
 * class loader, and the annotations are recognised by name.
 */
public final class ContractValidationExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        apply(context.getRequiredTestClass(), null);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        apply(context.getRequiredTestClass(), context.getRequiredTestMethod());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // @AfterAll and the next test's @BeforeAll/@BeforeEach run with the class's settings.
        apply(context.getRequiredTestClass(), null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        configure(context.getRequiredTestClass().getClassLoader(), "(between test classes)", true, true);
    }

    private static void apply(Class<?> testClass, Method method) {
        boolean off = annotated(testClass, method, NotContractChecked.class);
        boolean invalidRequests = annotated(testClass, method, InvalidRequests.class);
        String test = testClass.getName() + (method == null ? "" : "#" + method.getName());
        configure(testClass.getClassLoader(), test, !off, !off && !invalidRequests);
    }

    private static void configure(ClassLoader loader, String test, boolean responses, boolean requests) {
        try {
            Class<?> filter = Class.forName(ContractFilter.class.getName(), true, loader);
            filter.getMethod("configure", String.class, boolean.class, boolean.class)
                    .invoke(null, test, responses, requests);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Cannot install the contract filter in " + loader, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot install the contract filter", e.getCause());
        }
    }

    private static boolean annotated(Class<?> testClass, Method method, Class<? extends Annotation> type) {
        if (method != null && has(method, type)) {
            return true;
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (has(c, type)) {
                return true;
            }
        }
        return false;
    }

    /** By name: the test's copy of the annotation may come from another class loader. */
    private static boolean has(AnnotatedElement element, Class<? extends Annotation> type) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
