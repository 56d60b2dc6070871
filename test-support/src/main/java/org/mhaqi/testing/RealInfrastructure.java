package org.mhaqi.testing;

import java.util.HashMap;
import java.util.Map;
import org.mhaqi.local.KafkaSecurity;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test at real infrastructure: a fresh PostgreSQL database for the application
 * (one per application name and JVM) and the shared real Kafka broker. Use with
 * {@code @ContextConfiguration(initializers = RealInfrastructure.class)}.
 */
public class RealInfrastructure
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Map<String, TestPostgres.Database> DATABASES = new HashMap<>();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String application = context.getEnvironment().getProperty("spring.application.name", "app");
    // A test that must not share the outbox with others names a database of its own.
    String name = context.getEnvironment().getProperty("mhaqi.test.database", application);
    TestPostgres.Database db = database(name);
    String kafka =
        context.getEnvironment().getProperty("mhaqi.test.kafka-bootstrap-servers", (String) null);
    if (kafka == null) {
      kafka = TestKafka.bootstrapServers();
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", db.url());
    properties.put("spring.datasource.username", db.username());
    properties.put("spring.datasource.password", db.password());
    properties.put("spring.kafka.bootstrap-servers", kafka);
    properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
    // A service authenticates as its own principal, with the ACLs it has on ./platform's broker; a
    // test application that is no service of the platform (service-support's) as the admin.
    // A test that reads copies of the topics under other names says so with mhaqi.test.kafka-user.
    String user =
        context
            .getEnvironment()
            .getProperty(
                "mhaqi.test.kafka-user",
                KafkaSecurity.users().contains(application) ? application : KafkaSecurity.ADMIN);
    properties.put("mhaqi.kafka.username", user);
    properties.put("mhaqi.kafka.password", KafkaSecurity.password(user));
    properties.put("mhaqi.kafka.replay.password", KafkaSecurity.password(KafkaSecurity.REPLAY));
    // The service trusts the tests' own token issuer: keys served from this JVM (TestTokens).
    properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer());
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("realTestInfrastructure", properties));
  }

  /** The database of that name in this JVM, created on first use. */
  public static synchronized TestPostgres.Database database(String name) {
    return DATABASES.computeIfAbsent(name, TestPostgres::createDatabase);
  }
}
