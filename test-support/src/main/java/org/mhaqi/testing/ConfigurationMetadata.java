package org.mhaqi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata on the classpath ({@code META-INF/spring-configuration-metadata.json},
 * which spring-boot-configuration-processor writes from the properties records and their Javadoc):
 * what an IDE completes and documents. A property the platform's YAML sets under {@code mhaqi.*}
 * that the metadata does not know would be a key without documentation, or a typo nobody binds.
 */
public final class ConfigurationMetadata {

  private static final String PREFIX = "mhaqi.";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Each documented property by name, with its type and description. */
  private final Map<String, JsonNode> properties;

  private ConfigurationMetadata(Map<String, JsonNode> properties) {
    this.properties = properties;
  }

  /** Every metadata file on the classpath: the module's own and its dependencies'. */
  public static ConfigurationMetadata onClasspath() {
    Map<String, JsonNode> properties = new HashMap<>();
    try {
      for (URL file :
          Collections.list(
              ConfigurationMetadata.class
                  .getClassLoader()
                  .getResources("META-INF/spring-configuration-metadata.json"))) {
        try (InputStream in = file.openStream()) {
          JSON.readTree(in)
              .path("properties")
              .forEach(property -> properties.put(property.path("name").asString(), property));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ConfigurationMetadata(properties);
  }

  /** The {@code mhaqi.*} properties the metadata documents. */
  public Set<String> platformProperties() {
    return properties.keySet().stream()
        .filter(name -> name.startsWith(PREFIX))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The {@code mhaqi.*} properties documented without a description. */
  public Set<String> withoutDescription() {
    return platformProperties().stream()
        .filter(name -> properties.get(name).path("description").asString("").isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The {@code mhaqi.*} keys the given YAML files (classpath resources) set that the metadata does
   * not document. An element of a list ({@code coaches[0].name}) counts as its list; an entry of a
   * map ({@code clients.demo-admin.secret}) as its map.
   */
  public Set<String> undocumentedKeys(String... yamlResources) {
    Set<String> undocumented = new TreeSet<>();
    for (String resource : yamlResources) {
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(new ClassPathResource(resource));
      Properties keys = yaml.getObject();
      for (String key : keys.stringPropertyNames()) {
        String property = key.replaceFirst("\\[.*$", "");
        if (property.startsWith(PREFIX) && !documents(property)) {
          undocumented.add(property);
        }
      }
    }
    return undocumented;
  }

  private boolean documents(String key) {
    if (properties.containsKey(key)) {
      return true;
    }
    return properties.entrySet().stream()
        .anyMatch(
            property ->
                key.startsWith(property.getKey() + ".")
                    && property.getValue().path("type").asString("").startsWith("java.util.Map<"));
  }
}
