package org.mhaqi.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Services a test runs as processes ({@link ServiceProcess}), each with a fresh database, against a
 * Kafka broker: launched side by side (they start faster so), each ready before the test goes on,
 * stopped together in the reverse order. If one does not become ready, the others are stopped too
 * before the failure is thrown.
 *
 * <p>A test class either registers them as an extension, started against {@link TestKafka}'s broker
 * before its tests and stopped after them:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ServiceProcesses services =
 *     ServiceProcesses.aroundTests("enrollment-service", "coaching-service");
 * }</pre>
 *
 * or, when something must run first (an authorization server whose URL the services need), calls
 * {@link #start} itself and closes them.
 */
public final class ServiceProcesses implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  private final List<String> names;
  private final Function<String, Map<String, String>> environment;
  private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

  private ServiceProcesses(List<String> names, Function<String, Map<String, String>> environment) {
    this.names = names;
    this.environment = environment;
  }

  /** The services of these names (e.g. {@code enrollment-service}), for the test class's tests. */
  public static ServiceProcesses aroundTests(String... names) {
    return new ServiceProcesses(List.of(names), name -> Map.of());
  }

  /**
   * The services of these names for the test class's tests, each with the environment the function
   * gives for its name.
   */
  public static ServiceProcesses aroundTests(
      Function<String, Map<String, String>> environment, String... names) {
    return new ServiceProcesses(List.of(names), environment);
  }

  /**
   * Starts the services of these names now, each with the environment the function gives for its
   * name (on top of the database, Kafka and token issuer {@link ServiceProcess} sets).
   */
  public static ServiceProcesses start(
      String kafkaBootstrapServers,
      Function<String, Map<String, String>> environment,
      String... names) {
    ServiceProcesses services = new ServiceProcesses(List.of(names), environment);
    services.startAgainst(kafkaBootstrapServers);
    return services;
  }

  private void startAgainst(String kafkaBootstrapServers) {
    try {
      for (String name : names) {
        running.put(
            name, ServiceProcess.launch(name, kafkaBootstrapServers, environment.apply(name)));
      }
      running.values().forEach(ServiceProcess::awaitReady);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startAgainst(TestKafka.bootstrapServers());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The running service of that name. */
  public ServiceProcess get(String name) {
    ServiceProcess service = running.get(name);
    if (service == null) {
      throw new IllegalArgumentException(name + " is not running; running: " + running.keySet());
    }
    return service;
  }

  /** The API of the running service of that name, with the tests' admin token. */
  public Api api(String name) {
    return new Api(get(name).port());
  }

  /** Every running service, in the order they were started. */
  public List<ServiceProcess> all() {
    return List.copyOf(running.values());
  }

  /** Stops every service, the last started first. */
  @Override
  public void close() {
    List<ServiceProcess> reversed = new ArrayList<>(running.values());
    Collections.reverse(reversed);
    reversed.forEach(ServiceProcess::close);
    running.clear();
  }
}
