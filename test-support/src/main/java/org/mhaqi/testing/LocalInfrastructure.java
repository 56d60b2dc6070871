package org.mhaqi.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.KafkaBroker;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.local.PlatformSettings;
import org.mhaqi.local.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs one service from its tests against the same local infrastructure as {@code ./platform up}:
 * {@code SpringApplication.from(XApplication::main).with(LocalInfrastructure.class).run(args)} in a
 * {@code Test<Service>Application} ({@code ./mvnw -pl <service> spring-boot:test-run}).
 *
 * <p>Kafka: the broker listening on {@code KAFKA_PORT} (9092; the platform's, or another test
 * application's) if there is one, otherwise local-platform's broker in this JVM on that port with
 * the platform's data ({@code .run/kafka}). PostgreSQL: found or started as the platform does
 * ({@code POSTGRES_*}), and the service's database of the platform ({@code DATABASE_PREFIX}, {@code
 * <SERVICE>_DATABASE}), created if missing. The platform's settings, same variables.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

  @Bean
  static BeanFactoryPostProcessor localInfrastructureProperties() {
    return new Properties();
  }

  /** Adds the connection properties before any bean that reads them is created. */
  static final class Properties
      implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      PlatformSettings settings = PlatformSettings.fromEnvironment(checkoutRoot());
      String application = environment.getProperty("spring.application.name", "");
      PlatformSettings.Service service = settings.service(application);
      String kafka = kafka(settings);
      PostgresServer postgres = settings.findOrStartPostgres();
      if (postgres.kind() == PostgresServer.Kind.EMBEDDED) {
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "local-postgres-stop"));
      }
      PostgresServer.Database db = postgres.createDatabase(service.database());
      log.info("{} uses Kafka at {} and database {}", application, kafka, db.url());
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "localInfrastructure",
                  Map.of(
                      "spring.datasource.url", db.url(),
                      "spring.datasource.username", db.username(),
                      "spring.datasource.password", db.password(),
                      "spring.kafka.bootstrap-servers", kafka,
                      "spring.cloud.stream.kafka.binder.brokers", kafka,
                      // The service's principal on the platform's broker (KafkaSecurity).
                      "mhaqi.kafka.password", KafkaSecurity.password(application),
                      // notification-service's SMTP server: the platform's mail server.
                      "spring.mail.port", Integer.toString(settings.smtpPort()))));
    }

    @Override
    public int getOrder() {
      return HIGHEST_PRECEDENCE;
    }

    private static String kafka(PlatformSettings settings) {
      if (FreePorts.isListening(settings.kafkaPort())) {
        return "127.0.0.1:" + settings.kafkaPort();
      }
      KafkaBroker broker =
          new KafkaBroker(
              settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort());
      broker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "local-kafka-stop"));
      return broker.bootstrapServers();
    }

    /** The checkout (where {@code ./platform} is), from a module directory or the root. */
    private static Path checkoutRoot() {
      Path dir = Path.of("").toAbsolutePath();
      for (Path d = dir; d != null; d = d.getParent()) {
        if (Files.exists(d.resolve("platform")) && Files.exists(d.resolve("pom.xml"))) {
          return d;
        }
      }
      return dir;
    }
  }
}
