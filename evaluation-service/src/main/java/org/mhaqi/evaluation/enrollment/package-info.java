/**
 * Evaluation's view of enrolments, built from {@code enrollment.events}: which service is enrolled
 * in which phase and region, and over which dates, so that engagement is reported by those
 * dimensions and data returns are accepted only for months inside an enrolment.
 */
package org.mhaqi.evaluation.enrollment;
