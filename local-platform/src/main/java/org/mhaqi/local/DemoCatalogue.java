package org.mhaqi.local;

import java.util.List;

/**
 * The demo organisations: real NHS mental health trusts (names and ODS codes as published by NHS
 * England's Organisation Data Service) in all seven NHS England regions, with fictional wards, plus
 * two independent-sector providers with invented codes. People are all fictional.
 */
final class DemoCatalogue {

  /** What the demo does with a service. */
  enum Plan {
    /** Interest in the pilot, executive commitment, admitted. */
    PILOT_COMMITTED,
    /** Interest in the pilot but no executive commitment yet. */
    PILOT_INTEREST_ONLY,
    /** Interest in the wider implementation phase, commitment, admitted. */
    WIDER,
    /** Interest in the wider implementation phase but no executive commitment yet. */
    WIDER_INTEREST_ONLY
  }

  record Ward(String name, String serviceType, Plan plan) {}

  record Organisation(
      String odsCode, String name, String providerType, String region, List<Ward> wards) {

    boolean independentSector() {
      return providerType.equals("INDEPENDENT_SECTOR_PROVIDER");
    }
  }

  private DemoCatalogue() {}

  private static final String FT = "NHS_FOUNDATION_TRUST";
  private static final String TRUST = "NHS_TRUST";
  private static final String IS = "INDEPENDENT_SECTOR_PROVIDER";

  private static Ward pilot(String name, String type) {
    return new Ward(name, type, Plan.PILOT_COMMITTED);
  }

  private static Ward pilotInterest(String name, String type) {
    return new Ward(name, type, Plan.PILOT_INTEREST_ONLY);
  }

  private static Ward wider(String name, String type) {
    return new Ward(name, type, Plan.WIDER);
  }

  private static Organisation org(
      String ods, String name, String type, String region, Ward... wards) {
    return new Organisation(ods, name, type, region, List.of(wards));
  }

  static final List<Organisation> ORGANISATIONS =
      List.of(
          // North East and Yorkshire
          org(
              "RX4",
              "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust",
              FT,
              "NORTH_EAST_AND_YORKSHIRE",
              pilot("Aldervale Ward", "ADULT_ACUTE"),
              wider("Kestrel Ward", "PICU"),
              wider("Fernbank Ward", "CAMHS_INPATIENT")),
          org(
              "RX3",
              "Tees, Esk and Wear Valleys NHS Foundation Trust",
              FT,
              "NORTH_EAST_AND_YORKSHIRE",
              wider("Birchwood Ward", "ADULT_ACUTE"),
              wider("Heron Ward", "OLDER_ADULT")),
          org(
              "RGD",
              "Leeds and York Partnership NHS Foundation Trust",
              FT,
              "NORTH_EAST_AND_YORKSHIRE",
              pilotInterest("Linden Ward", "ADULT_ACUTE"),
              wider("Osprey Ward", "FORENSIC_SECURE")),
          org(
              "RXG",
              "South West Yorkshire Partnership NHS Foundation Trust",
              FT,
              "NORTH_EAST_AND_YORKSHIRE",
              new Ward("Thornhill Ward", "ADULT_ACUTE", Plan.WIDER_INTEREST_ONLY)),
          // North West
          org(
              "RXA",
              "Cheshire and Wirral Partnership NHS Foundation Trust",
              FT,
              "NORTH_WEST",
              pilot("Maple Ward", "ADULT_ACUTE"),
              wider("Meadowbrook Ward", "OLDER_ADULT")),
          org(
              "RW4",
              "Mersey Care NHS Foundation Trust",
              FT,
              "NORTH_WEST",
              wider("Rowan Ward", "ADULT_ACUTE"),
              wider("Harbour Ward", "FORENSIC_SECURE")),
          org(
              "RXV",
              "Greater Manchester Mental Health NHS Foundation Trust",
              FT,
              "NORTH_WEST",
              pilot("Cedar Ward", "ADULT_ACUTE"),
              wider("Falcon Ward", "PICU")),
          org(
              "RW5",
              "Lancashire & South Cumbria NHS Foundation Trust",
              FT,
              "NORTH_WEST",
              wider("Hawthorn Ward", "ADULT_ACUTE"),
              wider("Larch Ward", "REHABILITATION")),
          // Midlands
          org(
              "RXT",
              "Birmingham and Solihull Mental Health NHS Foundation Trust",
              FT,
              "MIDLANDS",
              pilot("Oakwood Ward", "ADULT_ACUTE"),
              wider("Merlin Ward", "PICU")),
          org(
              "RHA",
              "Nottinghamshire Healthcare NHS Foundation Trust",
              FT,
              "MIDLANDS",
              wider("Sherwood Ward", "ADULT_ACUTE"),
              wider("Trent Ward", "FORENSIC_SECURE")),
          org(
              "RXM",
              "Derbyshire Healthcare NHS Foundation Trust",
              FT,
              "MIDLANDS",
              pilot("Dove Ward", "OLDER_ADULT"),
              wider("Ashbourne Ward", "ADULT_ACUTE")),
          org(
              "RT5",
              "Leicestershire Partnership NHS Trust",
              TRUST,
              "MIDLANDS",
              wider("Soar Ward", "ADULT_ACUTE"),
              wider("Beacon Ward", "CAMHS_INPATIENT")),
          // East of England
          org(
              "RMY",
              "Norfolk and Suffolk NHS Foundation Trust",
              FT,
              "EAST_OF_ENGLAND",
              pilot("Waveney Ward", "ADULT_ACUTE"),
              wider("Yare Ward", "OLDER_ADULT")),
          org(
              "RT1",
              "Cambridgeshire and Peterborough NHS Foundation Trust",
              FT,
              "EAST_OF_ENGLAND",
              wider("Fenland Ward", "ADULT_ACUTE"),
              wider("Nene Ward", "PICU")),
          org(
              "RWR",
              "Hertfordshire Partnership University NHS Foundation Trust",
              FT,
              "EAST_OF_ENGLAND",
              pilot("Colne Ward", "LEARNING_DISABILITY_AND_AUTISM"),
              wider("Lea Ward", "ADULT_ACUTE")),
          // London
          org(
              "RV5",
              "South London and Maudsley NHS Foundation Trust",
              FT,
              "LONDON",
              pilot("Brunswick Ward", "ADULT_ACUTE"),
              wider("Ravensbourne Ward", "PICU")),
          org(
              "RQY",
              "South West London and St George's Mental Health NHS Trust",
              TRUST,
              "LONDON",
              wider("Wandle Ward", "ADULT_ACUTE"),
              wider("Hollybank Ward", "FORENSIC_SECURE")),
          org(
              "RWK",
              "East London NHS Foundation Trust",
              FT,
              "LONDON",
              wider("Poplar Ward", "OLDER_ADULT"),
              wider("Limehouse Ward", "ADULT_ACUTE")),
          org(
              "RV3",
              "Central and North West London NHS Foundation Trust",
              FT,
              "LONDON",
              wider("Colnbrook Ward", "ADULT_ACUTE"),
              wider("Brent Lodge", "REHABILITATION"),
              wider("Harrow Ward", "CAMHS_INPATIENT")),
          // South East
          org(
              "RWX",
              "Berkshire Healthcare NHS Foundation Trust",
              FT,
              "SOUTH_EAST",
              pilot("Kennet Ward", "ADULT_ACUTE"),
              wider("Loddon Ward", "OLDER_ADULT")),
          org(
              "RNU",
              "Oxford Health NHS Foundation Trust",
              FT,
              "SOUTH_EAST",
              wider("Cherwell Ward", "ADULT_ACUTE"),
              wider("Isis Ward", "CAMHS_INPATIENT")),
          org(
              "RX2",
              "Sussex Partnership NHS Foundation Trust",
              FT,
              "SOUTH_EAST",
              wider("Downs Ward", "ADULT_ACUTE"),
              wider("Arun Ward", "PICU")),
          org(
              "RXX",
              "Surrey and Borders Partnership NHS Foundation Trust",
              FT,
              "SOUTH_EAST",
              wider("Wey Ward", "ADULT_ACUTE"),
              wider("Mole Ward", "LEARNING_DISABILITY_AND_AUTISM")),
          // South West
          org(
              "RH5",
              "Somerset NHS Foundation Trust",
              FT,
              "SOUTH_WEST",
              pilot("Quantock Ward", "ADULT_ACUTE"),
              wider("Mendip Ward", "OLDER_ADULT")),
          org(
              "RWV",
              "Devon Partnership NHS Trust",
              TRUST,
              "SOUTH_WEST",
              pilotInterest("Dartmoor Ward", "ADULT_ACUTE"),
              wider("Exe Ward", "PICU")),
          org(
              "RVN",
              "Avon and Wiltshire Mental Health Partnership NHS Trust",
              TRUST,
              "SOUTH_WEST",
              wider("Kingswood Ward", "ADULT_ACUTE"),
              wider("Avonside Ward", "REHABILITATION")),
          // Independent sector (invented codes): their interest is declined.
          org(
              "NQ1",
              "Priory Healthcare",
              IS,
              "LONDON",
              new Ward("Rosewood Ward", "ADULT_ACUTE", Plan.PILOT_INTEREST_ONLY)),
          org(
              "NQ2",
              "Elysium Healthcare",
              IS,
              "MIDLANDS",
              new Ward("Linnet Ward", "FORENSIC_SECURE", Plan.WIDER)));

  /** Fictional first names for the people in project teams; surnames are "Demo" or "Example". */
  static final List<String> FIRST_NAMES =
      List.of(
          "Alex", "Sam", "Jordan", "Morgan", "Taylor", "Casey", "Robin", "Jamie", "Charlie", "Drew",
          "Avery", "Riley", "Quinn", "Rowan", "Sasha", "Kit", "Frankie", "Jessie", "Lee", "Max",
          "Nico", "Parker", "Reese", "Sky", "Toni", "Billie", "Ellis", "Hayden");
}
