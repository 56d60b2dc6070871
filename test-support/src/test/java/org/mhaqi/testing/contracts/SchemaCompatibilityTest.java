package org.mhaqi.testing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compatibility gate's rules: the four kinds of breaking change (a field removed or renamed, a
 * type changed, a field newly required, an enumeration narrowed) and the compatible ones (an
 * optional field added, an enumeration widened); a new event type, the third compatible kind, is a
 * new file ({@link SchemaHistoryTest}).
 */
class SchemaCompatibilityTest {

  private static final String WITHDRAWN =
      """
      {"type": "object", "required": ["enrollmentId", "reasonCode"],
       "properties": {
         "enrollmentId": {"type": "string", "format": "uuid"},
         "reasonCode": {"type": "string", "enum": ["CAPACITY", "STAFFING", "OTHER"]},
         "withdrawnAt": {"type": "string", "format": "date-time", "description": "When."},
         "members": {"type": "array", "items": {"type": "object",
           "properties": {"role": {"type": "string", "enum": ["QI_LEAD", "SPONSOR"]}}}}
       }}
      """;

  @Test
  void aRemovedFieldBreaks() {
    assertThat(
            changes(
                WITHDRAWN.replace(
                    "\"withdrawnAt\": {\"type\": \"string\", \"format\": \"date-time\","
                        + " \"description\": \"When.\"},",
                    "")))
        .containsExactly("$.withdrawnAt: removed");
  }

  @Test
  void aRenamedFieldBreaksAsTheOldNameRemoved() {
    assertThat(changes(WITHDRAWN.replace("\"withdrawnAt\"", "\"withdrawnOn\"")))
        .containsExactly("$.withdrawnAt: removed");
  }

  @Test
  void aChangedTypeBreaks() {
    assertThat(
            changes(
                WITHDRAWN.replace(
                    "\"withdrawnAt\": {\"type\": \"string\"",
                    "\"withdrawnAt\": {\"type\": \"integer\"")))
        .containsExactly("$.withdrawnAt: type changed from [string] to [integer]");
  }

  @Test
  void aNewlyRequiredFieldBreaks() {
    assertThat(changes(WITHDRAWN.replace("\"reasonCode\"]", "\"reasonCode\", \"withdrawnAt\"]")))
        .containsExactly("$.withdrawnAt: newly required");
  }

  @Test
  void aNarrowedEnumerationBreaksAtAnyDepth() {
    assertThat(changes(WITHDRAWN.replace("\"STAFFING\", ", "")))
        .containsExactly("$.reasonCode: enumeration narrowed, [\"STAFFING\"] no longer allowed");
    assertThat(changes(WITHDRAWN.replace("[\"QI_LEAD\", \"SPONSOR\"]", "[\"QI_LEAD\"]")))
        .containsExactly("$.members[].role: enumeration narrowed, [\"SPONSOR\"] no longer allowed");
  }

  @Test
  void anAddedOptionalFieldIsCompatible() {
    assertThat(
            changes(
                WITHDRAWN.replace(
                    "\"withdrawnAt\":",
                    "\"reasonCategory\": {\"type\": \"string\"}, \"withdrawnAt\":")))
        .isEmpty();
  }

  @Test
  void aWidenedEnumerationOrANullableTypeIsCompatible() {
    assertThat(changes(WITHDRAWN.replace("\"OTHER\"]", "\"OTHER\", \"MERGED\"]"))).isEmpty();
    assertThat(
            changes(
                WITHDRAWN.replace(
                    "\"withdrawnAt\": {\"type\": \"string\"",
                    "\"withdrawnAt\": {\"type\": [\"string\", \"null\"]")))
        .isEmpty();
  }

  @Test
  void rewordedDescriptionsAreCompatible() {
    assertThat(changes(WITHDRAWN.replace("\"When.\"", "\"When the enrolment ended.\""))).isEmpty();
  }

  @Test
  void aChangedFormatAndAnEnumerationWhereThereWasNoneBreak() {
    assertThat(changes(WITHDRAWN.replace("\"format\": \"date-time\"", "\"format\": \"date\"")))
        .containsExactly("$.withdrawnAt: format changed from \"date-time\" to \"date\"");
    assertThat(
            changes(
                WITHDRAWN.replace(
                    "\"format\": \"date-time\",", "\"format\": \"date-time\", \"enum\": [\"x\"],")))
        .containsExactly("$.withdrawnAt: enumeration narrowed");
  }

  private static java.util.List<String> changes(String newer) {
    return SchemaCompatibility.breakingChanges(json(WITHDRAWN), json(newer));
  }

  private static JsonNode json(String text) {
    return EventSchemas.JSON.readTree(text);
  }
}
