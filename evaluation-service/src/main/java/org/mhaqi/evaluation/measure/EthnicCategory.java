package org.mhaqi.evaluation.measure;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The NHS Data Dictionary ethnic category codes (A-S, Z and 99) a stratified return is broken down
 * by, each with the group it is reported under.
 */
public enum EthnicCategory {
  A("A", "British", EthnicGroup.WHITE),
  B("B", "Irish", EthnicGroup.WHITE),
  C("C", "Any other White background", EthnicGroup.WHITE),
  D("D", "White and Black Caribbean", EthnicGroup.MIXED),
  E("E", "White and Black African", EthnicGroup.MIXED),
  F("F", "White and Asian", EthnicGroup.MIXED),
  G("G", "Any other mixed background", EthnicGroup.MIXED),
  H("H", "Indian", EthnicGroup.ASIAN_OR_ASIAN_BRITISH),
  J("J", "Pakistani", EthnicGroup.ASIAN_OR_ASIAN_BRITISH),
  K("K", "Bangladeshi", EthnicGroup.ASIAN_OR_ASIAN_BRITISH),
  L("L", "Any other Asian background", EthnicGroup.ASIAN_OR_ASIAN_BRITISH),
  M("M", "Caribbean", EthnicGroup.BLACK_OR_BLACK_BRITISH),
  N("N", "African", EthnicGroup.BLACK_OR_BLACK_BRITISH),
  P("P", "Any other Black background", EthnicGroup.BLACK_OR_BLACK_BRITISH),
  R("R", "Chinese", EthnicGroup.OTHER),
  S("S", "Any other ethnic group", EthnicGroup.OTHER),
  Z("Z", "Not stated", EthnicGroup.NOT_STATED_OR_KNOWN),
  NOT_KNOWN("99", "Not known", EthnicGroup.NOT_STATED_OR_KNOWN);

  private static final Map<String, EthnicCategory> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EthnicCategory::code, Function.identity()));

  private final String code;
  private final String description;
  private final EthnicGroup group;

  EthnicCategory(String code, String description, EthnicGroup group) {
    this.code = code;
    this.description = description;
    this.group = group;
  }

  /** The category with this Data Dictionary code; codes are matched exactly (upper case). */
  public static Optional<EthnicCategory> ofCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  public EthnicGroup group() {
    return group;
  }
}
