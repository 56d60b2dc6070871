package org.mhaqi.coaching;

import org.mhaqi.testing.LocalInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * coaching-service from its tests, against the local Kafka and PostgreSQL of `./platform`, for an
 * edit-run loop: `./mvnw -pl coaching-service spring-boot:test-run` (README, "Developing one
 * service").
 */
public class TestCoachingApplication {

  public static void main(String[] args) {
    SpringApplication.from(CoachingServiceApplication::main)
        .with(LocalInfrastructure.class)
        .run(args);
  }
}
