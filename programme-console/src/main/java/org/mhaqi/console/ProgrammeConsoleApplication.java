package org.mhaqi.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProgrammeConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProgrammeConsoleApplication.class, args);
  }
}
