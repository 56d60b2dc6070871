package org.mhaqi.support.openapi;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service describes itself in its OpenAPI document ({@code /v3/api-docs}) and Swagger UI. The
 * contact and licence are the platform's (service-defaults.yml); the title, description and tags
 * each service's own (its application.yml).
 *
 * @param authUrl the authorization server as a browser reaches it (the issuer): where Swagger UI's
 *     Authorize fetches tokens
 * @param title the document's title: the service's name
 * @param description what the service owns and where to read more (Markdown)
 * @param contact whom to ask about the API
 * @param licence under which terms the API's description may be used
 * @param tags the service's tags in the order the document lists them, each with what its
 *     operations are about; a tag not listed comes after them
 */
@ConfigurationProperties("mhaqi.openapi")
public record OpenApiProperties(
    String authUrl,
    String title,
    String description,
    @DefaultValue Contact contact,
    @DefaultValue Licence licence,
    @DefaultValue List<TagDescription> tags) {

  /**
   * Whom to ask about the API.
   *
   * @param name a team, not a person
   * @param url where to reach them
   * @param email a shared mailbox, never a person's
   */
  public record Contact(String name, String url, String email) {}

  /**
   * The licence of the API's description.
   *
   * @param name the licence's name
   * @param url its text
   */
  public record Licence(String name, String url) {}

  /**
   * One tag of the document.
   *
   * @param name as the controllers' {@code @Tag} names it
   * @param description what its operations are about
   */
  public record TagDescription(String name, String description) {}
}
