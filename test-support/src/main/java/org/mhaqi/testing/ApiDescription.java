package org.mhaqi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What every service's OpenAPI document and Swagger UI must say about the service
 * (service-support's {@code OpenApiDescription}): read over HTTP, anonymously, as a newcomer's
 * browser would.
 */
public final class ApiDescription {

  private ApiDescription() {}

  /**
   * Checks {@code /v3/api-docs} and Swagger UI of the service behind {@code api}.
   *
   * @param service the service's name: the document's title and Swagger UI's page title
   * @param version the build's version, as build-info records it
   * @param owns words the description must contain: what the service owns
   * @param tags the document's tags in the expected order; every operation carries one of them
   */
  public static void check(
      Api api, String service, String version, List<String> owns, List<String> tags) {
    JsonNode docs = api.anonymous().get("/v3/api-docs").expect(200).body();
    JsonNode info = docs.path("info");
    assertThat(info.path("title").asString()).isEqualTo(service);
    assertThat(info.path("version").asString()).isEqualTo(version).isNotEqualTo("v0");
    assertThat(info.path("description").asString()).contains(owns);
    assertThat(info.path("contact").path("name").asString()).isNotBlank();
    assertThat(info.path("license").path("name").asString()).isNotBlank();
    assertThat(info.path("license").path("url").asString()).startsWith("https://");

    List<String> listed = new ArrayList<>();
    for (JsonNode tag : docs.path("tags")) {
      listed.add(tag.path("name").asString());
      assertThat(tag.path("description").asString())
          .as("description of tag %s", tag.path("name").asString())
          .isNotBlank();
    }
    assertThat(listed).containsExactlyElementsOf(tags);
    assertThat(operationTags(docs)).as("tags the operations carry").isSubsetOf(tags);

    String initializer =
        api.anonymous().get("/swagger-ui/swagger-initializer.js").expect(200).body().asString();
    assertThat(initializer).contains("document.title = '" + service + " - Swagger UI';");
  }

  private static Set<String> operationTags(JsonNode docs) {
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode path : docs.path("paths")) {
      for (JsonNode operation : path) {
        operation.path("tags").forEach(tag -> tags.add(tag.asString()));
      }
    }
    return tags;
  }
}
