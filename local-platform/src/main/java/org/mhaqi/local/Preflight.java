package org.mhaqi.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./platform up} checks before it starts anything: that every port it will open is
 * free, and which jars are built (a module without sources leaves a placeholder jar).
 */
final class Preflight {

  private Preflight() {}

  /** Fails naming each busy port's variable, so that nothing starts half-way. */
  static void requireFreePorts(PlatformSettings settings) {
    List<String> busy = new ArrayList<>();
    if (!FreePorts.isFree(settings.kafkaPort())) {
      busy.add(settings.kafkaPort() + " (KAFKA_PORT)");
    }
    if (isRunnableJar(settings.authJar()) && !FreePorts.isFree(settings.authPort())) {
      busy.add(settings.authPort() + " (AUTH_PORT)");
    }
    if (!FreePorts.isFree(settings.kafkaControllerPort())) {
      busy.add(settings.kafkaControllerPort() + " (KAFKA_CONTROLLER_PORT)");
    }
    if (isRunnableJar(settings.programmeConsoleJar())
        && !FreePorts.isFree(settings.programmeConsolePort())) {
      busy.add(settings.programmeConsolePort() + " (PROGRAMME_CONSOLE_PORT)");
    }
    if (isRunnableJar(settings.mailServerJar())) {
      if (!FreePorts.isFree(settings.smtpPort())) {
        busy.add(settings.smtpPort() + " (SMTP_PORT)");
      }
      if (!FreePorts.isFree(settings.mailApiPort())) {
        busy.add(settings.mailApiPort() + " (MAIL_API_PORT)");
      }
    }
    for (PlatformSettings.Service s : runnableServices(settings)) {
      if (!FreePorts.isFree(s.port())) {
        busy.add(s.port() + " (" + s.portVariable() + ")");
      }
    }
    if (!busy.isEmpty()) {
      throw new Platform.PlatformFailure(
          "nothing started: ports in use by another program: "
              + String.join(", ", busy)
              + "; set those variables to free ports");
    }
  }

  /** The services whose jars are built: the only ones started. */
  static List<PlatformSettings.Service> runnableServices(PlatformSettings settings) {
    return settings.services().stream().filter(s -> isRunnableJar(s.jar(settings.root()))).toList();
  }

  static boolean isRunnableJar(Path jar) {
    try {
      // A module without sources leaves an empty placeholder jar.
      return Files.isRegularFile(jar) && Files.size(jar) > 10_240;
    } catch (IOException e) {
      return false;
    }
  }
}
