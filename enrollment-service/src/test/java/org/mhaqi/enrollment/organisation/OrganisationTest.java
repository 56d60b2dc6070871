package org.mhaqi.enrollment.organisation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.support.web.RuleViolationException;

class OrganisationTest {

  @ParameterizedTest
  @ValueSource(strings = {"RX4", "RXT", "RV5", "TAF", "R1A"})
  void acceptsTrustCodes(String code) {
    assertThatCode(() -> trust(code)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rx4", "RX", "RX4A", "RX-4", " RX4", "RX4 "})
  void refusesMalformedTrustCodes(String code) {
    assertThatThrownBy(() -> trust(code))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("odsCode"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NQ1", "AXG12", "8HN62"})
  void acceptsLongerCodesForIndependentProviders(String code) {
    assertThatCode(
            () ->
                new Organisation(
                    UUID.randomUUID(),
                    code,
                    "Independent",
                    ProviderType.INDEPENDENT_SECTOR_PROVIDER,
                    Region.LONDON))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RXA", "NQ1"})
  void neverGuessesTheProviderTypeFromTheCode(String code) {
    // An R-prefixed code may be given for an independent provider and vice versa: the stated
    // type is kept, only the format is checked.
    assertThatCode(
            () ->
                new Organisation(
                    UUID.randomUUID(),
                    code,
                    "Any",
                    ProviderType.INDEPENDENT_SECTOR_PROVIDER,
                    Region.LONDON))
        .doesNotThrowAnyException();
    assertThatCode(() -> trust(code)).doesNotThrowAnyException();
  }

  private static Organisation trust(String code) {
    return new Organisation(
        UUID.randomUUID(), code, "Trust", ProviderType.NHS_FOUNDATION_TRUST, Region.NORTH_WEST);
  }
}
