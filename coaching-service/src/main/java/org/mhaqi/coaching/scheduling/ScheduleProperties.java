package org.mhaqi.coaching.scheduling;

import java.time.ZoneId;
import java.util.Map;
import org.mhaqi.events.enrollment.PhaseKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling configuration ({@code mhaqi.coaching.schedule.*}).
 *
 * @param timeZone the wall-clock zone of every session
 * @param cadence the cadences of every phase without an override
 * @param phases per-phase overrides: a phase listed here uses its own cadence, whose unset values
 *     take the built-in defaults (not those of {@code cadence})
 * @param expectedTeamHoursPerWeek what the programme asks of a project team member on average,
 *     coaching included (the FAQ: about 2 hours a week); a plan booking more is reported
 */
@ConfigurationProperties("mhaqi.coaching.schedule")
public record ScheduleProperties(
    @DefaultValue("Europe/London") ZoneId timeZone,
    @DefaultValue @NestedConfigurationProperty Cadence cadence,
    Map<PhaseKind, Cadence> phases,
    @DefaultValue("2") double expectedTeamHoursPerWeek) {

  public ScheduleProperties {
    phases = phases == null ? Map.of() : Map.copyOf(phases);
  }

  public Cadence cadenceFor(PhaseKind phase) {
    return phase == null ? cadence : phases.getOrDefault(phase, cadence);
  }
}
