package org.mhaqi.evaluation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Engagement, data returns, SPC and equity analysis, reports. */
@SpringBootApplication
public class EvaluationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(EvaluationServiceApplication.class, args);
  }
}
