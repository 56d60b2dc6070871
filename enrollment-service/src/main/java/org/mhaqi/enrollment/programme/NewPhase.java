package org.mhaqi.enrollment.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.mhaqi.events.enrollment.PhaseKind;

/** A phase to open: dates, capacity in services and the coaching window inside the phase. */
public record NewPhase(
    @NotNull PhaseKind kind,
    @NotBlank @Size(max = 200) String name,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn,
    @NotNull @Min(1) @Max(1000) Integer capacity,
    @NotNull LocalDate coachingStartsOn,
    @NotNull LocalDate coachingEndsOn) {}
