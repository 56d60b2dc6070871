package org.mhaqi.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.LearningEventAttended;
import org.mhaqi.events.coaching.LearningEventScheduled;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentDeclined;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ExecutiveCommitmentConfirmed;
import org.mhaqi.events.enrollment.ExpressionOfInterestReceived;
import org.mhaqi.events.enrollment.FutureInvolvementInterestRecorded;
import org.mhaqi.events.enrollment.LearningNetworkJoined;
import org.mhaqi.events.enrollment.OrganisationRegistered;
import org.mhaqi.events.enrollment.PhaseOpened;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceRegistered;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.events.enrollment.TeamMemberErased;
import org.mhaqi.events.evaluation.ChangeIdeaAdoptedFrom;
import org.mhaqi.events.evaluation.ChangeIdeaRecorded;
import org.mhaqi.events.evaluation.ChangeIdeaShared;
import org.mhaqi.events.evaluation.ChangeIdeaSharingWithdrawn;
import org.mhaqi.events.evaluation.DataReturnOverdue;
import org.mhaqi.events.evaluation.DataReturnSubmitted;
import org.mhaqi.events.evaluation.MeasureTargetSet;
import org.mhaqi.events.evaluation.ReportPublished;
import org.mhaqi.events.evaluation.ReportWithdrawn;
import org.mhaqi.events.evaluation.SpecialCauseDetected;

/** The catalogue of published event types, looked up by logical name or by payload class. */
public final class EventTypes {

  /**
   * One published event type.
   *
   * @param earlierVersionsRead the earlier schema versions {@code payloadType} still reads
   */
  public record EventType(
      String name,
      int schemaVersion,
      String topic,
      Class<? extends DomainEvent> payloadType,
      Set<Integer> earlierVersionsRead) {

    /** Whether a payload of this schema version is read into {@link #payloadType}. */
    public boolean reads(int version) {
      return version == schemaVersion || earlierVersionsRead.contains(version);
    }

    /**
     * The {@code ce_dataschema} URI of this type and version, as the AsyncAPI catalogue names it.
     */
    public String dataSchema() {
      return "urn:mhaqi:event:" + name + ":" + schemaVersion;
    }
  }

  private static final List<EventType> ALL =
      List.of(
              ExpressionOfInterestReceived.class,
              ServiceEnrolled.class,
              ServiceWaitlisted.class,
              EnrollmentDeclined.class,
              EnrollmentWithdrawn.class,
              EnrollmentCompleted.class,
              ProjectTeamUpdated.class,
              TeamMemberErased.class,
              ExecutiveCommitmentConfirmed.class,
              LearningNetworkJoined.class,
              FutureInvolvementInterestRecorded.class,
              PhaseOpened.class,
              OrganisationRegistered.class,
              ServiceRegistered.class,
              CoachingPlanCreated.class,
              SessionScheduled.class,
              SessionRescheduled.class,
              SessionCancelled.class,
              SessionCompleted.class,
              LearningEventScheduled.class,
              LearningEventAttended.class,
              DataReturnSubmitted.class,
              DataReturnOverdue.class,
              ChangeIdeaRecorded.class,
              SpecialCauseDetected.class,
              MeasureTargetSet.class,
              ReportPublished.class,
              ReportWithdrawn.class,
              ChangeIdeaShared.class,
              ChangeIdeaSharingWithdrawn.class,
              ChangeIdeaAdoptedFrom.class)
          .stream()
          .map(EventTypes::describe)
          .toList();

  private static final Map<String, EventType> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

  private EventTypes() {}

  public static List<EventType> all() {
    return ALL;
  }

  public static Optional<EventType> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static EventType of(Class<? extends DomainEvent> payloadType) {
    return describe(payloadType);
  }

  private static EventType describe(Class<? extends DomainEvent> payloadType) {
    EventContract contract = payloadType.getAnnotation(EventContract.class);
    if (contract == null) {
      throw new IllegalArgumentException(
          payloadType.getName() + " is not annotated with @EventContract");
    }
    return new EventType(
        contract.type(),
        contract.version(),
        contract.topic(),
        payloadType,
        Arrays.stream(contract.stillReads()).boxed().collect(Collectors.toUnmodifiableSet()));
  }
}
