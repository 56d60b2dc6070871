package org.mhaqi.console;

import de.codecentric.boot.admin.server.config.EnableAdminServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The operations console: Spring Boot Admin showing the four services' health (outbox and consumers
 * included), metrics, loggers and log files. The services are found through Spring Cloud's simple
 * discovery client, from {@code ENROLLMENT_SERVICE_URL}, {@code COACHING_SERVICE_URL}, {@code
 * EVALUATION_SERVICE_URL} and {@code NOTIFICATION_SERVICE_URL}, so they need no Admin client of
 * their own.
 */
@SpringBootApplication
@EnableAdminServer
public class OpsConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpsConsoleApplication.class, args);
  }
}
