package org.mhaqi.enrollment.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which organisation's objects the current caller reaches: a trust member only their own, named by
 * the {@code organisation} claim of their token (an ODS code), never by a path or a body; everyone
 * else every organisation's (which operations they may call at all is ApiAccess's business).
 * Objects of another organisation are answered as if they did not exist (404), so a trust member
 * cannot even learn which ids exist elsewhere.
 */
@Component
@Transactional(readOnly = true)
public class OrganisationScope {

  /**
   * The id a trust member's queries are limited to when their ODS code is not registered here: the
   * nil UUID, which no organisation has (ids are random), so they see nothing.
   */
  static final UUID NO_ORGANISATION = new UUID(0, 0);

  private final OrganisationRepository organisations;

  OrganisationScope(OrganisationRepository organisations) {
    this.organisations = organisations;
  }

  /**
   * The organisation the current caller's queries must be limited to; empty when they see every
   * organisation's objects.
   */
  public Optional<UUID> limitedTo() {
    Caller caller = Callers.current();
    if (!caller.isOrganisationScoped()) {
      return Optional.empty();
    }
    if (caller.organisation() == null) {
      return Optional.of(NO_ORGANISATION);
    }
    return Optional.of(
        organisations
            .findByOdsCode(caller.organisation().toUpperCase(Locale.ROOT))
            .map(Organisation::getId)
            .orElse(NO_ORGANISATION));
  }

  /** Whether the current caller may see objects of this organisation. */
  public boolean includes(UUID organisationId) {
    return limitedTo().map(own -> own.equals(organisationId)).orElse(true);
  }
}
