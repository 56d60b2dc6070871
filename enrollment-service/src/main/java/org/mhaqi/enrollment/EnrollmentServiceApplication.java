package org.mhaqi.enrollment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Programme phases, organisations, services and their enrolment. */
@SpringBootApplication
public class EnrollmentServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(EnrollmentServiceApplication.class, args);
  }
}
