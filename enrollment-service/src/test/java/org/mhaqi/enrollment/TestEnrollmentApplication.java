package org.mhaqi.enrollment;

import org.mhaqi.testing.LocalInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * enrollment-service from its tests, against the local Kafka and PostgreSQL of `./platform`, for an
 * edit-run loop: `./mvnw -pl enrollment-service spring-boot:test-run` (README, "Developing one
 * service").
 */
public class TestEnrollmentApplication {

  public static void main(String[] args) {
    SpringApplication.from(EnrollmentServiceApplication::main)
        .with(LocalInfrastructure.class)
        .run(args);
  }
}
