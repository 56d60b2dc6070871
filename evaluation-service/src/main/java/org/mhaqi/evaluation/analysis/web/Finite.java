package org.mhaqi.evaluation.analysis.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number that is a number: not NaN and not infinite (JSON cannot carry them, but a lenient
 * client's "NaN" string can still reach a Double). Null is left to {@code @NotNull}.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Finite.Validator.class)
public @interface Finite {

  String message() default "must be a finite number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a Double. */
  class Validator implements ConstraintValidator<Finite, Double> {
    @Override
    public boolean isValid(Double value, ConstraintValidatorContext context) {
      return value == null || Double.isFinite(value);
    }
  }
}
