package org.mhaqi.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the platform's child processes running: a child that stops without being asked (a crash,
 * SIGKILL, an out-of-memory kill) is started again with the same command, port and log after a
 * back-off ({@link RestartBackoff}: 1 s, doubling while it keeps stopping soon after a start, at
 * most 30 s, and still retried at that ceiling), saying so in the platform log. It also restarts a
 * child on request ({@code ./platform restart <name>}) and starts whatever is not running ({@code
 * ./platform up -d} while the platform runs). After {@link #stop()} nothing is started again, so
 * stopping the platform never triggers a restart.
 */
public final class ProcessSupervisor {

  /** Told of every start after the first one, e.g. to record the new pid and the count. */
  public interface Listener {
    void restarted(JavaProcess process, int restarts, String reason);
  }

  private static final Duration POLL = Duration.ofMillis(500);

  private final Duration stopTimeout;
  private final Supplier<RestartBackoff> backoffs;
  private final Listener listener;
  private final PrintStream log;
  private final Object lock = new Object();
  // Guarded by lock, as is every Child's state.
  private final Map<String, Child> children = new LinkedHashMap<>();
  private boolean stopped;

  ProcessSupervisor(
      Duration stopTimeout, Supplier<RestartBackoff> backoffs, Listener listener, PrintStream log) {
    this.stopTimeout = stopTimeout;
    this.backoffs = backoffs;
    this.listener = listener;
    this.log = log;
  }

  /** With the standard back-off, messages on standard output (the platform log). */
  public static ProcessSupervisor standard(Duration stopTimeout, Listener listener) {
    return new ProcessSupervisor(stopTimeout, RestartBackoff::standard, listener, System.out);
  }

  private static final class Child {
    final JavaProcess process;
    final RestartBackoff backoff;
    long startedAt = System.nanoTime();
    // Set once it was found stopped: when it is due to start again, and why it stopped.
    boolean scheduled;
    long dueAt;
    String howItStopped;
    boolean awaitingReady;
    // Being restarted or stopped on request: the watcher leaves it alone.
    boolean busy;
    // Stopped on request: stays stopped until it is restarted or started as missing.
    boolean held;
    int restarts;

    Child(JavaProcess process, RestartBackoff backoff) {
      this.process = process;
      this.backoff = backoff;
    }
  }

  /** Supervises a child from now on; it has been started. */
  public void supervise(JavaProcess process) {
    synchronized (lock) {
      children.put(process.name(), new Child(process, backoffs.get()));
    }
  }

  /** The names of the children, in the order they were started. */
  public List<String> names() {
    synchronized (lock) {
      return List.copyOf(children.keySet());
    }
  }

  /** How often this child was started again, asked or not. */
  public int restarts(String name) {
    synchronized (lock) {
      Child child = children.get(name);
      return child == null ? 0 : child.restarts;
    }
  }

  /** From now on nothing is started again; call it before stopping the children. */
  public void stop() {
    synchronized (lock) {
      stopped = true;
    }
  }

  /** Looks after the children until {@link #stop()}. */
  public void watch() {
    while (!isStopped()) {
      checkOnce();
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** {@link #watch()} on a daemon thread of its own. */
  public Thread watchInBackground() {
    Thread thread = new Thread(this::watch, "platform-supervisor");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private boolean isStopped() {
    synchronized (lock) {
      return stopped;
    }
  }

  /** One look at every child: a stopped one is scheduled, or started once it is due. */
  void checkOnce() {
    List<Child> snapshot;
    synchronized (lock) {
      snapshot = new ArrayList<>(children.values());
    }
    for (Child child : snapshot) {
      String name = child.process.name();
      if (child.process.isAlive()) {
        // Outside the lock: a readiness call may take two seconds.
        boolean awaiting;
        synchronized (lock) {
          awaiting = child.awaitingReady && !child.busy;
        }
        if (awaiting && child.process.isReady()) {
          synchronized (lock) {
            if (child.awaitingReady) {
              child.awaitingReady = false;
              say(
                  name
                      + " is ready again ("
                      + secondsSince(child.startedAt)
                      + " s after its start)");
            }
          }
        }
        continue;
      }
      synchronized (lock) {
        if (stopped || child.busy || child.held || child.process.isAlive()) {
          continue;
        }
        long now = System.nanoTime();
        if (!child.scheduled) {
          Duration ranFor = Duration.ofNanos(now - child.startedAt);
          Duration delay = child.backoff.delayAfterStop(ranFor);
          child.scheduled = true;
          child.dueAt = now + delay.toNanos();
          child.awaitingReady = false;
          child.howItStopped =
              child.process.exitCode().stream()
                  .mapToObj(code -> "exit code " + code)
                  .findFirst()
                  .orElse("no exit code");
          say(
              name
                  + " stopped without being asked ("
                  + child.howItStopped
                  + ", after "
                  + seconds(ranFor)
                  + " s); starting it again in "
                  + seconds(delay)
                  + " s (restart "
                  + (child.restarts + 1)
                  + "); log "
                  + child.process.log());
          if (child.backoff.isCeiling(delay)) {
            say(
                name
                    + " keeps stopping soon after it starts: trying again every "
                    + seconds(child.backoff.ceiling())
                    + " s until it stays up "
                    + seconds(child.backoff.stableAfter())
                    + " s; its log says why");
          }
        } else if (now - child.dueAt >= 0) {
          startAgain(child, "stopped without being asked (" + child.howItStopped + ")", s -> {});
        }
      }
    }
  }

  /**
   * Stops the named child (SIGTERM, SIGKILL after the stop timeout) and starts it again, waiting
   * until it is ready; what happens is said to the caller as well as in the log.
   *
   * @return whether it is running and ready again
   */
  public boolean restart(String name, Duration readyTimeout, Consumer<String> caller) {
    Child child = claim(name, caller);
    if (child == null) {
      return false;
    }
    try {
      say(
          "restarting "
              + name
              + " on request"
              + child.process.pid().map(pid -> " (pid " + pid + ")").orElse("")
              + " ...",
          caller);
      child.process.stop(stopTimeout);
      synchronized (lock) {
        if (stopped) {
          caller.accept("the platform is stopping");
          return false;
        }
        child.backoff.reset();
        if (!startAgain(child, "on request", caller)) {
          return false;
        }
      }
      return awaitReadyAgain(child, readyTimeout, caller);
    } finally {
      synchronized (lock) {
        child.busy = false;
      }
    }
  }

  /**
   * Stops the named child (SIGTERM, SIGKILL after the stop timeout) and leaves it stopped, e.g. to
   * run one's own copy on its port, until {@link #restart} or {@link #startMissing}.
   *
   * @return whether it was stopped
   */
  public boolean stopOne(String name, Consumer<String> caller) {
    Child child = claim(name, caller);
    if (child == null) {
      return false;
    }
    try {
      synchronized (lock) {
        child.held = true;
        child.scheduled = false;
      }
      say(
          "stopping "
              + name
              + " on request"
              + child.process.pid().map(pid -> " (pid " + pid + ")").orElse("")
              + "; it stays stopped until ./platform up -d or ./platform restart "
              + name,
          caller);
      child.process.stop(stopTimeout);
      say("stopped " + name, caller);
      return true;
    } finally {
      synchronized (lock) {
        child.busy = false;
      }
    }
  }

  /** The named child, marked busy for a request; null (said to the caller) if it cannot be. */
  private Child claim(String name, Consumer<String> caller) {
    synchronized (lock) {
      Child child = children.get(name);
      if (child == null) {
        throw new IllegalArgumentException(
            "no process named " + name + "; one of " + String.join(", ", children.keySet()));
      }
      if (stopped) {
        caller.accept("the platform is stopping");
        return null;
      }
      if (child.busy) {
        caller.accept(name + " is being restarted or stopped on another request");
        return null;
      }
      child.busy = true;
      return child;
    }
  }

  /** What {@link #startMissing} started: those now ready, and those that did not get there. */
  public record Started(List<String> ready, List<String> failed) {
    public boolean none() {
      return ready.isEmpty() && failed.isEmpty();
    }
  }

  /**
   * Starts now (without waiting out its back-off) every child that is not running, and waits until
   * each is ready.
   */
  public Started startMissing(Duration readyTimeout, Consumer<String> caller) {
    List<Child> started = new ArrayList<>();
    List<String> ready = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    synchronized (lock) {
      if (stopped) {
        caller.accept("the platform is stopping");
        return new Started(List.of(), List.of());
      }
      for (Child child : children.values()) {
        if (!child.busy && !child.process.isAlive()) {
          child.busy = true;
          if (startAgain(child, "missing at up -d", caller)) {
            started.add(child);
          } else {
            child.busy = false;
            failed.add(child.process.name());
          }
        }
      }
    }
    try {
      for (Child child : started) {
        boolean isReady = awaitReadyAgain(child, readyTimeout, caller);
        (isReady ? ready : failed).add(child.process.name());
      }
    } finally {
      synchronized (lock) {
        started.forEach(child -> child.busy = false);
      }
    }
    return new Started(List.copyOf(ready), List.copyOf(failed));
  }

  /** Under the lock: starts the child, counts and reports it; false if it would not start. */
  private boolean startAgain(Child child, String reason, Consumer<String> caller) {
    String name = child.process.name();
    child.scheduled = false;
    child.held = false;
    try {
      child.process.start();
    } catch (RuntimeException e) {
      // The watcher schedules the next try with the back-off.
      child.startedAt = System.nanoTime();
      say("starting " + name + " again failed: " + e.getMessage(), caller);
      return false;
    }
    child.startedAt = System.nanoTime();
    child.restarts++;
    child.awaitingReady = true;
    say(
        "started "
            + name
            + " again (pid "
            + child.process.pid().orElse(-1L)
            + ", restart "
            + child.restarts
            + ", "
            + reason
            + ")",
        caller);
    listener.restarted(child.process, child.restarts, reason);
    return true;
  }

  private boolean awaitReadyAgain(Child child, Duration readyTimeout, Consumer<String> caller) {
    String name = child.process.name();
    try {
      child.process.awaitReady(readyTimeout);
    } catch (IllegalStateException e) {
      say(e.getMessage(), caller);
      return false;
    }
    synchronized (lock) {
      child.awaitingReady = false;
    }
    say(name + " is ready again (" + secondsSince(child.startedAt) + " s after its start)", caller);
    return true;
  }

  private void say(String message) {
    log.println("platform: " + message);
    log.flush();
  }

  private void say(String message, Consumer<String> caller) {
    say(message);
    caller.accept(message);
  }

  private static String secondsSince(long startNanos) {
    return seconds(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }
}
