package org.mhaqi.coaching.calendar;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarSubscriptionRepository extends JpaRepository<CalendarSubscription, UUID> {

  Optional<CalendarSubscription> findByTokenHashAndRevokedAtIsNull(String tokenHash);

  Page<CalendarSubscription> findBySubscriber(String subscriber, Pageable pageable);
}
