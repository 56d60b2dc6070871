package org.mhaqi.notification;

import org.mhaqi.testing.LocalInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * notification-service from its tests, against the local Kafka, PostgreSQL and mail server of
 * `./platform`, for an edit-run loop: `./mvnw -pl notification-service spring-boot:test-run`
 * (README, "Developing one service").
 */
public class TestNotificationApplication {

  public static void main(String[] args) {
    SpringApplication.from(NotificationServiceApplication::main)
        .with(LocalInfrastructure.class)
        .run(args);
  }
}
