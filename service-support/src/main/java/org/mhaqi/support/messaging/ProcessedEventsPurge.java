package org.mhaqi.support.messaging;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Purges {@code processed_event} marks older than their retention, once at start and then every
 * {@code mhaqi.consumer.purge-interval}. Several instances may purge at once: each deletes bounded
 * batches, and a row another instance deleted first is simply not there.
 */
class ProcessedEventsPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);

  private final ProcessedEvents processed;
  private final ConsumerProperties properties;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  ProcessedEventsPurge(ProcessedEvents processed, ConsumerProperties properties, Clock clock) {
    this.processed = processed;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Deletes the marks past their retention.
   *
   * @return how many were deleted
   */
  int purge() {
    return processed.purgeProcessedBefore(
        clock.instant().minus(properties.processedEventRetention()), properties.purgeBatchSize());
  }

  private void purgeQuietly() {
    try {
      int deleted = purge();
      if (deleted > 0) {
        log.info("Purged {} processed-event marks past their retention", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Purging processed-event marks failed; trying again at the next interval", e);
    }
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "processed-events-purge");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.purgeInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, 0, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
