package org.mhaqi.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;

/**
 * Reads {@code LocalDate}, {@code LocalDateTime} and {@code Instant} request parameters and path
 * variables as ISO-8601 and refuses those outside {@link SupportedDates}; {@link ProblemHandling}
 * answers the failure 400 naming the parameter.
 */
public final class DateParameterFormatters {

  private DateParameterFormatters() {}

  public static void register(FormatterRegistry registry) {
    registry.addFormatterForFieldType(LocalDate.class, new Iso<>(LocalDate::parse));
    registry.addFormatterForFieldType(LocalDateTime.class, new Iso<>(LocalDateTime::parse));
    registry.addFormatterForFieldType(Instant.class, new Iso<>(Instant::parse));
  }

  /** ISO-8601 both ways, range-checked on the way in. */
  static final class Iso<T extends java.time.temporal.Temporal> implements Formatter<T> {

    private final Function<String, T> parser;

    Iso(Function<String, T> parser) {
      this.parser = parser;
    }

    @Override
    public T parse(String text, Locale locale) {
      return SupportedDates.require(parser.apply(text.strip()));
    }

    @Override
    public String print(T value, Locale locale) {
      return value.toString();
    }
  }
}
