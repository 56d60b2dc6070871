package org.mhaqi.enrollment.learningnetwork;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mhaqi.enrollment.enrollment.EnrollmentStatus;
import org.mhaqi.events.enrollment.FutureInvolvementInterestRecorded;
import org.mhaqi.events.enrollment.LearningNetworkJoined;
import org.mhaqi.events.enrollment.MhaReformArea;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites declined providers into the learning network and records their interest in future
 * involvement ({@code learning_network_member}, {@code future_involvement_interest}), each change
 * announced in the transaction that makes it.
 */
@Service
class LearningNetwork {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** A provider of the network, with every interest recorded, the latest first. */
  record Member(
      UUID organisationId,
      String odsCode,
      String name,
      ProviderType providerType,
      Region region,
      UUID declinedEnrollmentId,
      Instant joinedAt,
      List<Interest> interests) {}

  /** The areas a provider named on a day, as recorded. */
  record Interest(List<MhaReformArea> areas, LocalDate expressedOn, Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LearningNetwork(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Invites the provider of a declined expression of interest; only one declined as not eligible
   * with the learning network offered, and once per provider.
   */
  @Transactional
  Member invite(UUID declinedEnrollmentId, String actor) {
    record Declined(
        UUID organisationId,
        String status,
        boolean learningNetwork,
        String odsCode,
        ProviderType providerType,
        Region region) {}
    Declined declined =
        jdbc.sql(
                """
                select e.organisation_id, e.status, e.learning_network, o.ods_code,
                       o.provider_type, o.region
                from enrollment e join organisation o on o.id = e.organisation_id
                where e.id = ? for update of o
                """)
            .param(declinedEnrollmentId)
            .query(
                (rs, n) ->
                    new Declined(
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("status"),
                        rs.getBoolean("learning_network"),
                        rs.getString("ods_code"),
                        ProviderType.valueOf(rs.getString("provider_type")),
                        Region.valueOf(rs.getString("region"))))
            .optional()
            .orElseThrow(
                () -> new NotFoundException("enrollment", declinedEnrollmentId, "enrollmentId"));
    if (!EnrollmentStatus.DECLINED.name().equals(declined.status())
        || !declined.learningNetwork()) {
      throw RuleViolationException.conflict(
          "not-offered-the-network",
          "enrollmentId",
          "Only an expression of interest declined as not eligible, with the learning network"
              + " offered, leads into the network");
    }
    if (isMember(declined.organisationId())) {
      throw RuleViolationException.conflict(
          "already-a-member", "enrollmentId", "The provider is in the learning network already");
    }
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into learning_network_member
                (organisation_id, declined_enrollment_id, invited_by, joined_at)
            values (?, ?, ?, ?)
            """)
        .params(declined.organisationId(), declinedEnrollmentId, actor, Timestamp.from(now))
        .update();
    events.publishEvent(
        new LearningNetworkJoined(
            declined.organisationId(),
            declined.odsCode(),
            declined.providerType(),
            declined.region(),
            declinedEnrollmentId,
            now));
    return member(declined.organisationId());
  }

  /** Records the areas a member named on a day (not in the future); the whole set as of then. */
  @Transactional
  Interest recordInterest(
      UUID organisationId, List<MhaReformArea> areas, LocalDate expressedOn, String actor) {
    if (!isMember(organisationId)) {
      throw new NotFoundException("learning network member", organisationId);
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    if (expressedOn.isAfter(today)) {
      throw RuleViolationException.unprocessable(
          "invalid-date",
          "expressedOn",
          "The day the provider said so, today (" + today + ") at the latest");
    }
    List<MhaReformArea> distinct = areas.stream().distinct().sorted().toList();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into future_involvement_interest
                (id, organisation_id, areas, expressed_on, recorded_by, recorded_at)
            values (?, ?, ?::text[], ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            organisationId,
            "{" + String.join(",", distinct.stream().map(Enum::name).toList()) + "}",
            expressedOn,
            actor,
            Timestamp.from(now))
        .update();
    events.publishEvent(
        new FutureInvolvementInterestRecorded(organisationId, distinct, expressedOn, now));
    return new Interest(distinct, expressedOn, now);
  }

  /** Every member, the latest joined first, each with its interests. */
  @Transactional(readOnly = true)
  List<Member> members() {
    return jdbc
        .sql("select organisation_id from learning_network_member order by joined_at desc")
        .query(UUID.class)
        .list()
        .stream()
        .map(this::member)
        .toList();
  }

  private boolean isMember(UUID organisationId) {
    return jdbc.sql(
            "select exists (select 1 from learning_network_member where organisation_id = ?)")
        .param(organisationId)
        .query(Boolean.class)
        .single();
  }

  private Member member(UUID organisationId) {
    List<Interest> interests =
        jdbc.sql(
                """
                select areas, expressed_on, recorded_at from future_involvement_interest
                where organisation_id = ? order by recorded_at desc, id
                """)
            .param(organisationId)
            .query(
                (rs, n) -> {
                  Array areas = rs.getArray("areas");
                  return new Interest(
                      Arrays.stream((String[]) areas.getArray())
                          .map(MhaReformArea::valueOf)
                          .toList(),
                      rs.getObject("expressed_on", LocalDate.class),
                      rs.getTimestamp("recorded_at").toInstant());
                })
            .list();
    return jdbc.sql(
            """
            select m.organisation_id, o.ods_code, o.name, o.provider_type, o.region,
                   m.declined_enrollment_id, m.joined_at
            from learning_network_member m join organisation o on o.id = m.organisation_id
            where m.organisation_id = ?
            """)
        .param(organisationId)
        .query(
            (rs, n) ->
                new Member(
                    rs.getObject("organisation_id", UUID.class),
                    rs.getString("ods_code"),
                    rs.getString("name"),
                    ProviderType.valueOf(rs.getString("provider_type")),
                    Region.valueOf(rs.getString("region")),
                    rs.getObject("declined_enrollment_id", UUID.class),
                    rs.getTimestamp("joined_at").toInstant(),
                    interests))
        .single();
  }
}
