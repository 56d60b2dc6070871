/**
 * Programme reports per phase, region and service (engagement, returns owed, SPC verdicts and
 * equity rate ratios per measure), their CSV export and the HTML report page, all suppressed.
 */
package org.mhaqi.evaluation.report;
