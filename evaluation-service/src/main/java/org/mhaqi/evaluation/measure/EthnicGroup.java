package org.mhaqi.evaluation.measure;

/** The broad ethnic groups the NHS Data Dictionary's ethnic categories are reported under. */
public enum EthnicGroup {
  WHITE("White"),
  MIXED("Mixed"),
  ASIAN_OR_ASIAN_BRITISH("Asian or Asian British"),
  BLACK_OR_BLACK_BRITISH("Black or Black British"),
  OTHER("Other ethnic groups"),
  NOT_STATED_OR_KNOWN("Not stated or not known");

  private final String label;

  EthnicGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
