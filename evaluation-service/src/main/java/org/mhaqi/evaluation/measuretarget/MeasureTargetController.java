package org.mhaqi.evaluation.measuretarget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
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
@RequestMapping("/api/measures/{code}/targets")
@Tag(name = "Measure targets", description = "Targets of the catalogue, set by the central team")
class MeasureTargetController {

  private final MeasureTargets targets;

  MeasureTargetController(MeasureTargets targets) {
    this.targets = targets;
  }

  /**
   * @param value the target in the measure's unit
   * @param phaseId the phase it is for, or null
   * @param serviceId the service it is for, or null (not with a phase)
   */
  record TargetRequest(
      @Schema(description = "the target in the measure's unit", example = "12.5")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("1000000")
          BigDecimal value,
      @Schema(description = "the phase it is set for; null for every phase", nullable = true)
          UUID phaseId,
      @Schema(description = "the service it is set for; null for every service", nullable = true)
          UUID serviceId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Set or change a target of the measure",
      description =
          "For the measure everywhere, one phase (`phaseId`) or one service (`serviceId`): the next"
              + " version of that scope's target; earlier versions stay as its history. Reports"
              + " judge assurance against the most specific target (service, then phase, then"
              + " measure). Announced as MeasureTargetSet. The central team's (ADMIN) only.")
  MeasureTarget set(@PathVariable String code, @Valid @RequestBody TargetRequest request) {
    return targets.set(
        code,
        request.phaseId(),
        request.serviceId(),
        request.value().doubleValue(),
        Actor.current());
  }

  @GetMapping
  @Operation(
      summary = "The measure's current targets",
      description =
          "The latest version of each scope's target. Not paged: one per scope the central team"
              + " set a target for.")
  List<MeasureTarget> current(@PathVariable String code) {
    return targets.current(code);
  }

  @GetMapping("/history")
  @Operation(
      summary = "Every version of the measure's targets, oldest first",
      description = "Not paged: each version set by hand by the central team.")
  List<MeasureTarget> history(@PathVariable String code) {
    return targets.history(code);
  }
}
