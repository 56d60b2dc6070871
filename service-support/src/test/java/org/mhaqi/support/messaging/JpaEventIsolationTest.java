package org.mhaqi.support.messaging;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class JpaEventIsolationTest {

  private final EntityManagerFactory bound = mock(EntityManagerFactory.class);
  private final EntityManagerFactory unbound = mock(EntityManagerFactory.class);
  private final EntityManager entityManager = mock(EntityManager.class);

  @AfterEach
  void unbind() {
    TransactionSynchronizationManager.unbindResourceIfPossible(bound);
  }

  @Test
  void theTransactionsPersistenceContextIsFlushedThenCleared() {
    TransactionSynchronizationManager.bindResource(bound, new EntityManagerHolder(entityManager));

    new JpaEventIsolation(List.of(unbound, bound)).afterEvent();

    var order = inOrder(entityManager);
    order.verify(entityManager).flush();
    order.verify(entityManager).clear();
    verifyNoInteractions(unbound);
  }

  @Test
  void withoutAPersistenceContextInTheTransactionNothingHappens() {
    new JpaEventIsolation(List.of(unbound)).afterEvent();

    verifyNoInteractions(unbound, entityManager);
  }
}
