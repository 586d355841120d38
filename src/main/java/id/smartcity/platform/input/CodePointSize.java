package id.smartcity.platform.input;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @Size} on a string counts code points, as JSON Schema's {@code maxLength} (which the
 * contract derives from it) and a person count characters: 200 emoji are 200 characters, not
 * 400 UTF-16 units. Registered for {@code String}, more specific than Hibernate Validator's own
 * validator for {@code CharSequence}, which collections and arrays keep using.
 */
@ApplicationScoped
public class CodePointSize implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).validatedBy(ForString.class);
        configuration.addMapping(mapping);
    }

    /** The validator of {@code @Size} for strings. */
    public static class ForString implements ConstraintValidator<Size, String> {
        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = StrictText.length(value);
            return length >= min && length <= max;
        }
    }
}
