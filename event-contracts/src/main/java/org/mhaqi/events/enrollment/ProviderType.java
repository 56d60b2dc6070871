package org.mhaqi.events.enrollment;

/** What kind of provider an organisation is; only NHS providers are eligible for coaching. */
public enum ProviderType {
  NHS_TRUST,
  NHS_FOUNDATION_TRUST,
  INDEPENDENT_SECTOR_PROVIDER;

  public boolean isNhs() {
    return this != INDEPENDENT_SECTOR_PROVIDER;
  }
}
