package org.mhaqi.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses dates outside {@link SupportedDates} wherever JSON is read into a {@code LocalDate},
 * {@code LocalDateTime} or {@code Instant}: an {@link InvalidFormatException} that {@link
 * ProblemHandling} answers 400 naming the field. Parsing itself is Jackson's own.
 */
public class SupportedDatesModule extends SimpleModule {

  @SuppressWarnings({"unchecked", "rawtypes"})
  public SupportedDatesModule() {
    super("mhaqi-supported-dates");
    addDeserializer(
        (Class) LocalDate.class, new RangeChecked(LocalDateDeserializer.INSTANCE, LocalDate.class));
    addDeserializer(
        (Class) LocalDateTime.class,
        new RangeChecked(LocalDateTimeDeserializer.INSTANCE, LocalDateTime.class));
    addDeserializer(
        (Class) Instant.class, new RangeChecked(InstantDeserializer.INSTANT, Instant.class));
  }

  /** Jackson's deserializer of the type, followed by the range check. */
  private static final class RangeChecked extends DelegatingDeserializer {

    private final Class<?> type;

    RangeChecked(ValueDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new RangeChecked(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      Object value = super.deserialize(parser, context);
      if (value instanceof Temporal temporal && !SupportedDates.contains(temporal)) {
        throw InvalidFormatException.from(
            parser, "outside the supported dates, " + SupportedDates.RANGE, value, type);
      }
      return value;
    }
  }
}
