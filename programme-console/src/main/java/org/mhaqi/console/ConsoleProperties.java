package org.mhaqi.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators configure ({@code mhaqi.console.*}).
 *
 * @param serviceName shown in the header of every page
 * @param authServerUrl the authorization server, the only other place a form may lead (sign-in)
 * @param services where the three services' APIs answer
 * @param serviceTimeout a service slower than this is shown as unavailable
 */
@ConfigurationProperties("mhaqi.console")
public record ConsoleProperties(
    @DefaultValue("MHA QI programme") String serviceName,
    URI authServerUrl,
    Services services,
    @DefaultValue("5s") Duration serviceTimeout) {

  /** The console's client registration (spring.security.oauth2.client.registration.*). */
  public static final String CLIENT_REGISTRATION = "programme-console";

  /**
   * @param evaluationPublic evaluation-service as the user's browser reaches it (its chart pages)
   * @param coachingPublic coaching-service as calendar applications reach it (subscription links);
   *     when unset, {@code coaching}
   */
  public record Services(
      URI enrollment, URI coaching, URI evaluation, URI evaluationPublic, URI coachingPublic) {}
}
