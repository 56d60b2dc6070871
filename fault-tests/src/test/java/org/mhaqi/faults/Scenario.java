package org.mhaqi.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mhaqi.faults.Reconciliation.Figures;
import org.mhaqi.testing.Api;

/**
 * One scenario: traffic through the APIs while a fault is injected, then, once the platform has
 * caught up, the reconciliation of everything the scenario touched; prints its figures.
 */
final class Scenario {

  private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(3);

  /** What a fault published straight to the topic: enrolments, and poison by key. */
  record Published(Set<String> enrolments, Set<String> poison) {
    static final Published NOTHING = new Published(Set.of(), Set.of());
  }

  /** Injects the fault while traffic runs, and returns once the fault is over. */
  interface Fault {
    Published inject();
  }

  private final String name;
  private final Api enrollment;
  private final List<Api> coaching;
  private final Reconciliation reconciliation;

  Scenario(String name, Api enrollment, List<Api> coaching, Reconciliation reconciliation) {
    this.name = name;
    this.enrollment = enrollment;
    this.coaching = coaching;
    this.reconciliation = reconciliation;
  }

  /**
   * Runs the scenario; its figures are coaching-service's, then, {@code withEvaluation},
   * evaluation-service's.
   */
  List<Figures> run(String odsCode, boolean withEvaluation, Fault fault) {
    long mark = reconciliation.watermark();
    Traffic traffic = new Traffic(enrollment, coaching, name).prepare(odsCode);
    Published published;
    long started = System.nanoTime();
    traffic.start();
    try {
      published = fault.inject();
    } finally {
      traffic.stop();
    }
    Set<String> keys = new HashSet<>(reconciliation.keysSince(mark));
    keys.addAll(published.enrolments());
    long trafficStopped = System.nanoTime();
    reconciliation.awaitQuiet(keys, published.poison(), withEvaluation, QUIET_TIMEOUT);
    long quiet = System.nanoTime();
    List<Figures> figures = new ArrayList<>();
    figures.add(
        reconciliation.reconcile(name, traffic.accepted.get(), traffic, keys, published.poison()));
    if (withEvaluation) {
      figures.add(reconciliation.reconcileEvaluation(name, traffic.accepted.get(), keys));
    }
    System.out.printf(
        "FAULT-SUITE %s: traffic and fault %d s, caught up %d s later, reconciled in %d s%n",
        name,
        seconds(trafficStopped - started),
        seconds(quiet - trafficStopped),
        seconds(System.nanoTime() - quiet));
    for (Figures f : figures) {
      System.out.println(f.line());
      f.findings().stream().limit(30).forEach(finding -> System.out.println("  " + finding));
    }
    return figures;
  }

  private static long seconds(long nanos) {
    return Duration.ofNanos(nanos).toSeconds();
  }
}
