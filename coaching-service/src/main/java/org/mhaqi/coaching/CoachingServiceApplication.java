package org.mhaqi.coaching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Coaching plans, scheduling, attendance and calendars. */
@SpringBootApplication
public class CoachingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CoachingServiceApplication.class, args);
  }
}
