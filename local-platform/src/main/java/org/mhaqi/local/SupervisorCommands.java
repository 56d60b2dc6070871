package org.mhaqi.local;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The commands the running supervisor takes on its {@link ControlChannel}: {@code restart NAME}
 * ({@code ./platform restart}), {@code stop NAME} ({@code ./platform stop NAME}) and {@code
 * start-missing} ({@code ./platform up -d} while it runs).
 */
final class SupervisorCommands implements ControlChannel.Handler {

  static final String RESTART = "restart";
  static final String STOP = "stop";
  static final String START_MISSING = "start-missing";

  private final ProcessSupervisor supervisor;
  private final Duration readyTimeout;

  SupervisorCommands(ProcessSupervisor supervisor, Duration readyTimeout) {
    this.supervisor = supervisor;
    this.readyTimeout = readyTimeout;
  }

  @Override
  public int handle(List<String> command, Consumer<String> caller) {
    switch (command.get(0)) {
      case RESTART -> {
        if (command.size() != 2) {
          caller.accept("restart takes one name: " + String.join(", ", supervisor.names()));
          return 64;
        }
        return supervisor.restart(command.get(1), readyTimeout, caller) ? 0 : 1;
      }
      case STOP -> {
        if (command.size() != 2) {
          caller.accept("stop takes one name: " + String.join(", ", supervisor.names()));
          return 64;
        }
        return supervisor.stopOne(command.get(1), caller) ? 0 : 1;
      }
      case START_MISSING -> {
        ProcessSupervisor.Started started = supervisor.startMissing(readyTimeout, caller);
        if (started.none()) {
          caller.accept("Everything it started is running; nothing to start.");
        } else if (!started.ready().isEmpty()) {
          caller.accept("Started again and ready: " + String.join(", ", started.ready()));
        }
        if (!started.failed().isEmpty()) {
          caller.accept("Not ready: " + String.join(", ", started.failed()));
          return 1;
        }
        return 0;
      }
      default -> {
        caller.accept("unknown command: " + String.join(" ", command));
        return 64;
      }
    }
  }
}
