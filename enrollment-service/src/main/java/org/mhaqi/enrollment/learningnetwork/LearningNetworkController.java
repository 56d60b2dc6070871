package org.mhaqi.enrollment.learningnetwork;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.enrollment.learningnetwork.LearningNetwork.Interest;
import org.mhaqi.enrollment.learningnetwork.LearningNetwork.Member;
import org.mhaqi.events.enrollment.MhaReformArea;
import org.mhaqi.support.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/learning-network")
@Tag(name = "Learning network")
class LearningNetworkController {

  private final LearningNetwork network;

  LearningNetworkController(LearningNetwork network) {
    this.network = network;
  }

  /**
   * @param enrollmentId the provider's expression of interest, declined as not eligible
   */
  record Invitation(@NotNull UUID enrollmentId) {}

  /**
   * @param areas the areas of the Mental Health Act reforms the provider named
   * @param expressedOn the day it said so
   */
  record InterestRequest(
      @NotEmpty List<@NotNull MhaReformArea> areas, @NotNull LocalDate expressedOn) {}

  @PostMapping("/members")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Invite a declined provider into the learning network",
      description =
          "Its expression of interest must have been declined as not eligible with the network"
              + " offered (409 otherwise, and when it is a member already); announced as"
              + " LearningNetworkJoined. Its staff then sign in with the LEARNING_NETWORK role.")
  Member invite(@Valid @RequestBody Invitation invitation) {
    return network.invite(invitation.enrollmentId(), Actor.current());
  }

  @GetMapping("/members")
  @Operation(
      summary = "The learning network's providers and their interest in future involvement",
      description = "Not paged: the network is a few dozen providers at most.")
  List<Member> members() {
    return network.members();
  }

  @PostMapping("/members/{organisationId}/interests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a member's interest in future involvement",
      description =
          "The areas of the Mental Health Act reforms it named on a day (the whole set as of"
              + " then); announced as FutureInvolvementInterestRecorded.")
  Interest recordInterest(
      @PathVariable UUID organisationId, @Valid @RequestBody InterestRequest request) {
    return network.recordInterest(
        organisationId, request.areas(), request.expressedOn(), Actor.current());
  }
}
