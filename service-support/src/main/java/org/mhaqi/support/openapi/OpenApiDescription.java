package org.mhaqi.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/**
 * Fills the OpenAPI document's {@code info} from {@link OpenApiProperties} and the build's version
 * (build-info, which each service's build writes), and puts its tags in the configured order with
 * their descriptions: a reader meets a service's main resources first and its administration last,
 * instead of springdoc's order of discovery.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiDescription {

  @Bean
  GlobalOpenApiCustomizer serviceDescription(
      OpenApiProperties properties, ObjectProvider<BuildProperties> build) {
    return openApi -> {
      Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
      info.title(properties.title())
          .description(properties.description())
          .contact(
              new Contact()
                  .name(properties.contact().name())
                  .url(properties.contact().url())
                  .email(properties.contact().email()))
          .license(new License().name(properties.licence().name()).url(properties.licence().url()));
      build.ifAvailable(b -> info.version(b.getVersion()));
      openApi.info(info);
      openApi.setTags(orderedTags(openApi, properties.tags()));
    };
  }

  /**
   * The configured tags the document names (in its own list or on an operation) in their order,
   * then the others by name. A configured description wins over an annotation's; a configured tag
   * no operation carries any more is left out rather than listed empty.
   */
  static List<Tag> orderedTags(OpenAPI openApi, List<OpenApiProperties.TagDescription> configured) {
    Map<String, Tag> found = new TreeMap<>();
    if (openApi.getTags() != null) {
      openApi.getTags().forEach(tag -> found.put(tag.getName(), tag));
    }
    if (openApi.getPaths() != null) {
      openApi.getPaths().values().stream()
          .map(PathItem::readOperations)
          .flatMap(List::stream)
          .map(Operation::getTags)
          .filter(Objects::nonNull)
          .flatMap(List::stream)
          .forEach(name -> found.putIfAbsent(name, new Tag().name(name)));
    }
    Map<String, Tag> ordered = new LinkedHashMap<>();
    for (OpenApiProperties.TagDescription tag : configured) {
      Tag named = found.remove(tag.name());
      if (named != null) {
        ordered.put(
            tag.name(),
            new Tag()
                .name(tag.name())
                .description(
                    tag.description() != null ? tag.description() : named.getDescription()));
      }
    }
    found.forEach(ordered::putIfAbsent);
    return new ArrayList<>(ordered.values());
  }
}
