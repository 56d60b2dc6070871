package org.mhaqi.console.api;

import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls to the three services' APIs with the signed-in user's token (the services decide what the
 * user may see and do), each turned into what a page can show: a part or why it is missing, a
 * result or the reasons it was refused.
 */
public final class ServiceCalls {

  /** The services, as a sentence names them. */
  public enum Service {
    ENROLLMENT("enrolment service"),
    COACHING("coaching service"),
    EVALUATION("evaluation service");

    private final String spoken;

    Service(String spoken) {
      this.spoken = spoken;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);
  private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM =
      new ParameterizedTypeReference<>() {};

  private final Map<Service, RestClient> clients;

  public ServiceCalls(Map<Service, RestClient> clients) {
    this.clients = Map.copyOf(clients);
  }

  /**
   * A part of a page.
   *
   * @param what the part, as a sentence names it ("your organisation's services")
   */
  public <T> Part<T> part(String what, Service service, Function<RestClient, T> call) {
    try {
      return Part.of(call.apply(clients.get(service)));
    } catch (ClientAuthorizationRequiredException e) {
      throw e; // Spring Security sends the user to sign in again.
    } catch (RestClientException e) {
      return Part.missing(unavailable(what, service, e));
    }
  }

  /**
   * A change the user asked for.
   *
   * @param fields how the form calls the service's fields, for the reasons of a refusal
   * @throws ServiceRefusal the service refused the input (400, 409, 422)
   * @throws ServiceUnavailable the service could not be asked, or would not allow it
   */
  public <T> T submit(
      String what,
      Service service,
      Function<RestClient, T> call,
      Function<String, ProblemMessages.Field> fields) {
    try {
      return call.apply(clients.get(service));
    } catch (ClientAuthorizationRequiredException e) {
      throw e;
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      if (status == 400 || status == 409 || status == 422) {
        Map<String, Object> problem = problemOf(e);
        throw new ServiceRefusal(ProblemMessages.of(problem, fields));
      }
      throw new ServiceUnavailable(unavailable(what, service, e), e);
    } catch (RestClientException e) {
      throw new ServiceUnavailable(unavailable(what, service, e), e);
    }
  }

  private static Map<String, Object> problemOf(RestClientResponseException e) {
    try {
      Map<String, Object> problem = e.getResponseBodyAs(PROBLEM);
      return problem == null ? Map.of() : problem;
    } catch (RuntimeException unreadable) {
      return Map.of();
    }
  }

  /** Which part is missing and why, never a stack trace. */
  static String unavailable(String what, Service service, RestClientException e) {
    log.warn("{} from the {}: {}", what, service.spoken, e.toString());
    String part = Character.toUpperCase(what.charAt(0)) + what.substring(1);
    if (e instanceof RestClientResponseException response) {
      HttpStatusCode status = response.getStatusCode();
      return switch (status.value()) {
        case 401 ->
            part + " could not be shown: your sign-in has expired. Sign out and sign in again.";
        case 403 -> "Your role does not give access to " + what + ".";
        case 404 -> part + " could not be found, or is not yours to see.";
        case 429 -> part + " could not be shown: too many requests. Try again in a minute.";
        default ->
            part
                + " is unavailable just now: the "
                + service.spoken
                + " is not working. Try again in a few minutes.";
      };
    }
    if (e instanceof ResourceAccessException) {
      return part
          + " is unavailable just now: the "
          + service.spoken
          + " did not answer. Try again in a few minutes.";
    }
    return part + " could not be read from the " + service.spoken + ".";
  }
}
