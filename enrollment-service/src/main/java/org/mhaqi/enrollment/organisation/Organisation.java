package org.mhaqi.enrollment.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.support.web.RuleViolationException;

/**
 * A provider of mental health services, identified by its NHS ODS code. The provider type is
 * stated, never guessed from the code.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

  /** NHS trusts and foundation trusts have 3-character organisation codes, e.g. {@code RX4}. */
  static final Pattern TRUST_CODE = Pattern.compile("[A-Z0-9]{3}");

  /** Other providers' organisation codes are 3 to 5 characters. */
  static final Pattern ORGANISATION_CODE = Pattern.compile("[A-Z0-9]{3,5}");

  @Id private UUID id;
  private String odsCode;
  private String name;

  @Enumerated(EnumType.STRING)
  private ProviderType providerType;

  @Enumerated(EnumType.STRING)
  private Region region;

  protected Organisation() {}

  public Organisation(
      UUID id, String odsCode, String name, ProviderType providerType, Region region) {
    requireValidOdsCode(odsCode, providerType);
    this.id = id;
    this.odsCode = odsCode;
    this.name = name;
    this.providerType = providerType;
    this.region = region;
  }

  static void requireValidOdsCode(String odsCode, ProviderType providerType) {
    boolean trust = providerType != ProviderType.INDEPENDENT_SECTOR_PROVIDER;
    Pattern expected = trust ? TRUST_CODE : ORGANISATION_CODE;
    if (!expected.matcher(odsCode).matches()) {
      throw RuleViolationException.unprocessable(
          "invalid-ods-code",
          "odsCode",
          "'"
              + odsCode
              + "' is not a valid ODS code for "
              + providerType
              + (trust
                  ? ": a trust's code is 3 uppercase letters or digits, e.g. RX4"
                  : ": expected 3 to 5 uppercase letters or digits"));
    }
  }

  public UUID getId() {
    return id;
  }

  public String getOdsCode() {
    return odsCode;
  }

  public String getName() {
    return name;
  }

  public ProviderType getProviderType() {
    return providerType;
  }

  public Region getRegion() {
    return region;
  }
}
