package org.mhaqi.enrollment.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;

/** Organisations and their services keep what they were registered with. */
class OrganisationRecordTest {

  @Test
  void anOrganisationKeepsItsCodeNameTypeAndRegion() {
    UUID id = UUID.randomUUID();

    Organisation organisation =
        new Organisation(
            id,
            "RX4",
            "Cumbria, Northumberland, Tyne and Wear",
            ProviderType.NHS_FOUNDATION_TRUST,
            Region.NORTH_EAST_AND_YORKSHIRE);

    assertThat(organisation.getId()).isEqualTo(id);
    assertThat(organisation.getOdsCode()).isEqualTo("RX4");
    assertThat(organisation.getName()).isEqualTo("Cumbria, Northumberland, Tyne and Wear");
    assertThat(organisation.getProviderType()).isEqualTo(ProviderType.NHS_FOUNDATION_TRUST);
    assertThat(organisation.getRegion()).isEqualTo(Region.NORTH_EAST_AND_YORKSHIRE);
  }

  @Test
  void aServiceKeepsItsOrganisationNameAndType() {
    UUID id = UUID.randomUUID();
    UUID organisation = UUID.randomUUID();

    InpatientService service =
        new InpatientService(id, organisation, "Hadrian ward", ServiceType.PICU);

    assertThat(service.getId()).isEqualTo(id);
    assertThat(service.getOrganisationId()).isEqualTo(organisation);
    assertThat(service.getName()).isEqualTo("Hadrian ward");
    assertThat(service.getServiceType()).isEqualTo(ServiceType.PICU);
  }

  @Test
  void theRefusalSaysWhichFormatTheProviderTypeExpects() {
    assertThatThrownBy(
            () ->
                new Organisation(
                    UUID.randomUUID(), "RX", "Trust", ProviderType.NHS_TRUST, Region.LONDON))
        .hasMessage(
            "'RX' is not a valid ODS code for NHS_TRUST: a trust's code is 3 uppercase letters or"
                + " digits, e.g. RX4");
    assertThatThrownBy(
            () ->
                new Organisation(
                    UUID.randomUUID(),
                    "AB",
                    "Independent",
                    ProviderType.INDEPENDENT_SECTOR_PROVIDER,
                    Region.LONDON))
        .hasMessage(
            "'AB' is not a valid ODS code for INDEPENDENT_SECTOR_PROVIDER: expected 3 to 5"
                + " uppercase letters or digits");
  }
}
