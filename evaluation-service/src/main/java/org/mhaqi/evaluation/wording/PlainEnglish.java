package org.mhaqi.evaluation.wording;

import java.util.Locale;
import org.mhaqi.evaluation.analysis.spc.Assurance;
import org.mhaqi.evaluation.analysis.spc.Variation;
import org.mhaqi.evaluation.changeidea.ChangeIdea;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.measure.EthnicGroup;
import org.mhaqi.evaluation.spcdecision.SpcDecision;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.Region;

/**
 * What pages and charts call each code: APIs and events keep the codes, people read these words.
 * Templates reach it as {@code words} (an instance, since templates do not call static methods); a
 * code spelt as the API spells it (lower case, hyphens or underscores) is accepted too, and null is
 * named "not known yet".
 */
public final class PlainEnglish {

  /** The instance templates are given. */
  public static final PlainEnglish WORDS = new PlainEnglish();

  static final String UNKNOWN = "not known yet";

  private PlainEnglish() {}

  public String region(Region region) {
    if (region == null) {
      return UNKNOWN;
    }
    return switch (region) {
      case NORTH_EAST_AND_YORKSHIRE -> "North East and Yorkshire";
      case NORTH_WEST -> "North West";
      case MIDLANDS -> "Midlands";
      case EAST_OF_ENGLAND -> "East of England";
      case LONDON -> "London";
      case SOUTH_EAST -> "South East";
      case SOUTH_WEST -> "South West";
    };
  }

  public String phase(PhaseKind kind) {
    if (kind == null) {
      return UNKNOWN;
    }
    return switch (kind) {
      case PILOT -> "Pilot phase";
      case WIDER_IMPLEMENTATION -> "Wider implementation phase";
    };
  }

  public String ethnicGroup(EthnicGroup group) {
    return group == null ? UNKNOWN : group.label();
  }

  public String enrollmentStatus(EnrolledService.Status status) {
    if (status == null) {
      return UNKNOWN;
    }
    return switch (status) {
      case ENROLLED -> "Enrolled";
      case WITHDRAWN -> "Withdrawn";
      case COMPLETED -> "Completed";
    };
  }

  public String coachingLevel(CoachingLevel level) {
    if (level == null) {
      return UNKNOWN;
    }
    return switch (level) {
      case EXECUTIVE -> "Executive";
      case SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY -> "Service leadership and frontline delivery";
    };
  }

  public String variation(Variation variation) {
    if (variation == null) {
      return UNKNOWN;
    }
    return switch (variation) {
      case COMMON_CAUSE -> "Common cause variation";
      case SPECIAL_CAUSE_IMPROVEMENT -> "Special cause variation: improvement";
      case SPECIAL_CAUSE_CONCERN -> "Special cause variation: concern";
      case SPECIAL_CAUSE_NEUTRAL -> "Special cause variation: neither improvement nor concern";
    };
  }

  /** A variation as the reports spell it, e.g. {@code special_cause_improvement}. */
  public String variation(String code) {
    return code == null ? UNKNOWN : variation(Variation.valueOf(constant(code)));
  }

  /**
   * A month's verdict as the reports spell it: an XmR variation ({@code common_cause}...) or a run
   * chart's signal ({@code shift}, {@code trend}, {@code no_signal}); null is a withheld month.
   */
  public String verdict(String code) {
    if (code == null) {
      return "Withheld (small numbers)";
    }
    return switch (code) {
      case "shift" -> "Shift";
      case "trend" -> "Trend";
      case "no_signal" -> "No signal";
      default -> variation(code);
    };
  }

  public String assurance(Assurance assurance) {
    if (assurance == null) {
      return "No target set";
    }
    return switch (assurance) {
      case CONSISTENTLY_PASS -> "Consistently passes the target";
      case CONSISTENTLY_FAIL -> "Consistently fails the target";
      case HIT_AND_MISS -> "Sometimes meets the target and sometimes fails it";
    };
  }

  /** An assurance as the reports spell it, e.g. {@code hit_and_miss}; null without a target. */
  public String assurance(String code) {
    return assurance(code == null ? null : Assurance.valueOf(constant(code)));
  }

  /** The rule set a report's verdicts follow, as the reports spell it. */
  public String ruleSet(String code) {
    if (code == null) {
      return "No months to analyse yet";
    }
    return switch (code) {
      case "making-data-count" -> "XmR chart with Making Data Count's rules";
      case "ihi-run-chart" -> "Run chart with the IHI's rules (fewer than 12 months)";
      default -> throw new IllegalArgumentException("no words for rule set " + code);
    };
  }

  public String spcDecision(SpcDecision.Kind kind) {
    if (kind == null) {
      return UNKNOWN;
    }
    return switch (kind) {
      case BASELINE -> "Baseline fixed";
      case REBASE -> "Limits rebased";
    };
  }

  public String act(ChangeIdea.Act act) {
    if (act == null) {
      return "Cycle started";
    }
    return switch (act) {
      case ADOPT -> "Adopted";
      case ADAPT -> "Adapted";
      case ABANDON -> "Abandoned";
    };
  }

  public String changeIdeaStatus(ChangeIdea.Status status) {
    if (status == null) {
      return UNKNOWN;
    }
    return switch (status) {
      case PROPOSED -> "Proposed";
      case TESTING -> "Being tested";
      case ADOPTED -> "Adopted";
      case ABANDONED -> "Abandoned";
    };
  }

  private static String constant(String code) {
    return code.trim().replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
