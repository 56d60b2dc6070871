package org.mhaqi.coaching.coach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the configured default coaches when the service has none, before the event consumers
 * start, so the first plans are staffed (or honestly reported unstaffed when the pool is too
 * small).
 */
@Component
@EnableConfigurationProperties(DefaultCoachPoolProperties.class)
class DefaultCoachPool implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DefaultCoachPool.class);

  /** Serialises seeding across instances starting together. */
  private static final long SEED_LOCK = 0x636f616368L;

  private final DefaultCoachPoolProperties properties;
  private final Coaches coaches;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  DefaultCoachPool(
      DefaultCoachPoolProperties properties,
      Coaches coaches,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.coaches = coaches;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!properties.enabled() || properties.coaches().isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query().singleRow();
          if (coaches.count() > 0) {
            return;
          }
          for (var coach : properties.coaches()) {
            coaches.register(
                coach.name(),
                coach.email(),
                coach.levels(),
                coach.workingDays(),
                coach.weeklyCapacityHours() * 60);
          }
          log.info("Registered the default pool of {} coaches", properties.coaches().size());
        });
  }
}
