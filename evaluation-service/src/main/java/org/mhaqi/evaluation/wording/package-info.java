/** The one place that names the programme's codes for people: regions, phases, verdicts. */
package org.mhaqi.evaluation.wording;
