package org.mhaqi.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of an AsyncAPI document's components, as JSON Schema draft 7 with format assertions
 * ({@code uuid}, {@code date}, {@code date-time}) on, for validating headers, keys and payloads.
 */
final class CatalogueSchemas {

  /** Where the catalogue's components are registered for {@code $ref} resolution; never fetched. */
  private static final String CATALOGUE_IRI = "https://catalogue.mhaqi.invalid/asyncapi";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SchemaRegistry schemas;
  private final Map<String, Schema> schemaCache = new ConcurrentHashMap<>();

  CatalogueSchemas(JsonNode catalogue) {
    // Only the components are registered as the schema document: the AsyncAPI root (e.g. its
    // "id") is no JSON schema. Pointers such as #/components/schemas/X resolve all the same.
    ObjectNode components = JSON.createObjectNode();
    components.set("components", catalogue.required("components"));
    this.schemas =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            registry ->
                registry
                    .schemas(Map.of(CATALOGUE_IRI, JSON.writeValueAsString(components)))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** Adds a violation for every error of the instance against the schema at the pointer. */
  void validate(String pointer, JsonNode instance, String where, List<String> violations) {
    Schema schema =
        schemaCache.computeIfAbsent(
            pointer, p -> schemas.getSchema(SchemaLocation.of(CATALOGUE_IRI + "#" + p)));
    for (Error error : schema.validate(instance)) {
      String at = error.getInstanceLocation().toString();
      violations.add(where + " at " + (at.isEmpty() ? "/" : at) + ": " + error.getMessage());
    }
  }
}
