package org.mhaqi.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL character (U+0000) in any text read from JSON: PostgreSQL cannot store one, so it
 * would otherwise fail at the database as a misleading conflict. An {@link InvalidFormatException}
 * that {@link ProblemHandling} answers 400 naming the field.
 */
public class NoNulCharactersModule extends SimpleModule {

  public NoNulCharactersModule() {
    super("mhaqi-no-nul-characters");
    addDeserializer(String.class, new NoNulStrings());
  }

  private static final class NoNulStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw InvalidFormatException.from(
            parser,
            "contains a NUL character (\\u0000), which no text accepts",
            value,
            String.class);
      }
      return value;
    }
  }
}
