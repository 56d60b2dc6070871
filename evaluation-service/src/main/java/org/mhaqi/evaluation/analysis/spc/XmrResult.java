package org.mhaqi.evaluation.analysis.spc;

import java.util.List;

/**
 * An XmR analysis under a named rule set.
 *
 * @param ruleSet the rule set that produced it ({@value XmrAnalysis#RULE_SET})
 * @param segments the limits of each segment, in series order (more than one after a rebase)
 * @param points every point with its verdict
 * @param variation the verdict of the last point
 * @param assurance against the target, under the last segment's limits; null without a target or
 *     without a direction of improvement
 */
public record XmrResult(
    String ruleSet,
    List<XmrLimits> segments,
    List<XmrPoint> points,
    Variation variation,
    Assurance assurance) {

  public XmrResult {
    segments = List.copyOf(segments);
    points = List.copyOf(points);
  }

  /** Making Data Count's variation icon: the last point's verdict and its side. */
  public VariationIcon variationIcon() {
    return VariationIcon.of(points.get(points.size() - 1));
  }

  /** Making Data Count's assurance icon; null without an assurance verdict. */
  public AssuranceIcon assuranceIcon() {
    return AssuranceIcon.of(assurance);
  }

  /** The limits that apply now: those of the last segment. */
  public XmrLimits currentLimits() {
    return segments.get(segments.size() - 1);
  }
}
