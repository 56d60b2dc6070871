package org.mhaqi.enrollment.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.enrollment.TeamRole;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Project teams")
class TeamController {

  private final ProjectTeams teams;

  TeamController(ProjectTeams teams) {
    this.teams = teams;
  }

  record NewMember(
      @NotNull TeamRole role,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email) {}

  record MemberView(
      UUID id,
      UUID enrollmentId,
      TeamRole role,
      String name,
      String email,
      Instant addedAt,
      Instant removedAt,
      Instant erasedAt) {
    static MemberView of(TeamMember m) {
      return new MemberView(
          m.getId(),
          m.getEnrollmentId(),
          m.getRole(),
          m.getName(),
          m.getEmail(),
          m.getAddedAt(),
          m.getRemovedAt(),
          m.getErasedAt());
    }
  }

  @PostMapping("/enrollments/{enrollmentId}/team-members")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a member to the enrolment's project team")
  MemberView add(@PathVariable UUID enrollmentId, @Valid @RequestBody NewMember request) {
    return MemberView.of(teams.add(enrollmentId, request.role(), request.name(), request.email()));
  }

  @GetMapping("/enrollments/{enrollmentId}/team-members")
  @Operation(
      summary = "The project team, current and former members",
      description =
          "In the order members were added, a page at a time: page from 0, size 1 to 200"
              + " (default 50).")
  PagedModel<MemberView> team(@PathVariable UUID enrollmentId, @ParameterObject Pageable pageable) {
    return new PagedModel<>(teams.team(enrollmentId, pageable).map(MemberView::of));
  }

  @DeleteMapping("/enrollments/{enrollmentId}/team-members/{memberId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "A member leaves the team (the membership stays in the history)")
  void remove(@PathVariable UUID enrollmentId, @PathVariable UUID memberId) {
    teams.remove(enrollmentId, memberId);
  }

  @PostMapping("/team-members/{memberId}/erasure")
  @Operation(
      summary = "Erase a person's name and e-mail address",
      description =
          "Keeps the member id and role so the team's history stays meaningful; the name and"
              + " e-mail address are also replaced by [redacted] wherever the enrolments' free"
              + " text mentions them (history reasons and actors, who confirmed a commitment), in"
              + " the same transaction, and TeamMemberErased (ids only) is announced on"
              + " enrollment.events so other services drop their copies. Programme administrators"
              + " and trust members of the member's organisation. Idempotent.")
  MemberView erase(@PathVariable UUID memberId) {
    return MemberView.of(teams.erase(memberId));
  }
}
