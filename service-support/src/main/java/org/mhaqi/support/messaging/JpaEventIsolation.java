package org.mhaqi.support.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Flushes and clears the persistence contexts bound to the batch's transaction after each event:
 * its rows reach the database before the next event's JdbcClient queries, and the next event starts
 * with no cached entity, as it would in a transaction of its own.
 */
class JpaEventIsolation implements EventIsolation {

  private final List<EntityManagerFactory> factories;

  JpaEventIsolation(List<EntityManagerFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  @Override
  public void afterEvent() {
    for (EntityManagerFactory factory : factories) {
      if (TransactionSynchronizationManager.getResource(factory)
          instanceof EntityManagerHolder holder) {
        EntityManager entityManager = holder.getEntityManager();
        entityManager.flush();
        entityManager.clear();
      }
    }
  }
}
