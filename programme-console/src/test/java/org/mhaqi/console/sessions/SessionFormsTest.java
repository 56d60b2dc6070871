package org.mhaqi.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.ProblemMessages;

class SessionFormsTest {

  @Test
  void aCompletionBecomesTheBodyCoachingTakesWithEmptyRolesAsNobody() {
    SessionForms.Checked checked =
        SessionForms.completion(
            Map.of(
                "minutes",
                " 55 ",
                "attendance-FRONTLINE_STAFF",
                "4",
                "attendance-LIVED_EXPERIENCE_PARTNER",
                "1",
                "lep",
                "yes"));

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.body())
        .containsEntry("minutesDelivered", 55)
        .containsEntry("livedExperiencePartnerTookPart", true);
    @SuppressWarnings("unchecked")
    Map<String, Integer> attendance = (Map<String, Integer>) checked.body().get("attendance");
    assertThat(attendance)
        .containsEntry("FRONTLINE_STAFF", 4)
        .containsEntry("EXECUTIVE_SPONSOR", 0)
        .hasSize(6);
    assertThat(SessionForms.completion(Map.of("minutes", "0", "lep", "no")).body())
        .containsEntry("livedExperiencePartnerTookPart", false)
        .containsEntry("minutesDelivered", 0);
  }

  @Test
  void aCompletionNamesEachFieldToPutRight() {
    SessionForms.Checked checked =
        SessionForms.completion(
            Map.of("attendance-QI_LEAD", "two", "attendance-SERVICE_LEAD", "-1"));

    assertThat(checked.valid()).isFalse();
    assertThat(checked.body()).isEmpty();
    assertThat(checked.errors())
        .containsExactly(
            new FieldError("minutes", null, "Enter the minutes delivered"),
            new FieldError(
                "attendance-SERVICE_LEAD",
                null,
                "Number of service leads who came must be 0 or more"),
            new FieldError(
                "attendance-QI_LEAD",
                null,
                "Number of QI leads who came must be a whole number, like 6 (not 'two')"),
            new FieldError(
                "lep", null, "Select whether a lived experience partner took part in the session"));
  }

  @Test
  void whetherAPartnerTookPartMustAgreeWithTheirCount() {
    assertThat(SessionForms.completion(Map.of("minutes", "60", "lep", "yes")).errors())
        .extracting(FieldError::field)
        .containsExactly("attendance-LIVED_EXPERIENCE_PARTNER");
    assertThat(
            SessionForms.completion(
                    Map.of(
                        "minutes", "60", "lep", "no", "attendance-LIVED_EXPERIENCE_PARTNER", "2"))
                .errors())
        .containsExactly(
            new FieldError(
                "lep", null, "Answer Yes: you counted 2 lived experience partners who came"));
    assertThat(
            SessionForms.completion(
                    Map.of(
                        "minutes", "60", "lep", "yes", "attendance-LIVED_EXPERIENCE_PARTNER", "1"))
                .valid())
        .isTrue();
  }

  @Test
  void aRescheduleSendsTheWallClockTimeTheCodeAndTheCodesWordsWhenNoneAreTyped() {
    SessionForms.Checked checked =
        SessionForms.reschedule(
            Map.of("date", "2026-12-15", "time", "9:30", "reschedule-reason", "SERVICE_REQUEST"));

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.body())
        .containsEntry("startsAt", "2026-12-15T09:30")
        .containsEntry("reasonCode", "SERVICE_REQUEST")
        .containsEntry("reason", "The service asked for another time");
    assertThat(
            SessionForms.reschedule(
                    Map.of(
                        "date",
                        "2026-12-15",
                        "time",
                        "14:00",
                        "reschedule-reason",
                        "OTHER",
                        "reschedule-words",
                        " Ward move "))
                .body())
        .containsEntry("reason", "Ward move");
  }

  @Test
  void aRescheduleRefusesWhatIsNotADateTimeOrKnownReason() {
    assertThat(
            SessionForms.reschedule(
                    Map.of("date", "15/12/2026", "time", "noon", "reschedule-reason", "BORED"))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("date", "time", "reschedule-reason");
    assertThat(SessionForms.reschedule(Map.of()).errors())
        .extracting(FieldError::message)
        .containsExactly(
            "Enter the new date", "Enter the new start time", "Select why the session is moving");
  }

  @Test
  void aCancellationNeedsAReasonCodeAndKeepsTheCoachsWords() {
    assertThat(SessionForms.cancellation(Map.of()).errors())
        .containsExactly(
            new FieldError("cancel-reason", null, "Select why the session is cancelled"));
    assertThat(
            SessionForms.cancellation(
                    Map.of(
                        "cancel-reason", "NO_LONGER_NEEDED", "cancel-words", "Covered last week"))
                .body())
        .containsEntry("reasonCode", "NO_LONGER_NEEDED")
        .containsEntry("reason", "Covered last week");
  }

  @Test
  void daysAwayRunForwardAndTheReasonIsOptional() {
    assertThat(SessionForms.daysAway(Map.of("from", "2027-01-04", "to", "2027-01-05")).body())
        .containsEntry("from", "2027-01-04")
        .containsEntry("to", "2027-01-05")
        .doesNotContainKey("reason");
    assertThat(SessionForms.daysAway(Map.of("from", "2027-01-05", "to", "2027-01-04")).errors())
        .containsExactly(
            new FieldError("to", null, "The last day away must be the same as or after the first"));
    assertThat(
            SessionForms.daysAway(
                    Map.of(
                        "from", "2027-01-04", "to", "2027-01-04", "away-reason", "x".repeat(501)))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("away-reason");
    assertThat(SessionForms.daysAway(Map.of("to", "soon")).errors())
        .extracting(FieldError::message)
        .containsExactly(
            "Enter the first day away",
            "Last day away must be a real date written like 2026-12-15 (not 'soon')");
  }

  @Test
  void theServicesFieldsLeadBackToTheFormsFields() {
    assertThat(SessionForms.completionField("minutesDelivered").id()).isEqualTo("minutes");
    assertThat(SessionForms.completionField("attendance[FRONTLINE_STAFF]").id())
        .isEqualTo("attendance-FRONTLINE_STAFF");
    assertThat(SessionForms.completionField("livedExperiencePartnerTookPart").id())
        .isEqualTo("lep");
    assertThat(SessionForms.completionField(null).id()).isNull();
    assertThat(SessionForms.rescheduleField("startsAt"))
        .isEqualTo(new ProblemMessages.Field("date", "new time"));
    assertThat(SessionForms.rescheduleField("reason").id()).isEqualTo("reschedule-words");
    assertThat(SessionForms.cancellationField("reasonCode").id()).isEqualTo("cancel-reason");
    assertThat(SessionForms.daysAwayField("from").id()).isEqualTo("from");
    assertThat(SessionForms.daysAwayField("reason").id()).isEqualTo("away-reason");
  }
}
