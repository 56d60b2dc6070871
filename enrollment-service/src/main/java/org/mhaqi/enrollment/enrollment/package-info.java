/**
 * The enrolment of a service in a phase: expression of interest, eligibility, executive commitment,
 * capacity and waitlist, and the life cycle with its history.
 */
package org.mhaqi.enrollment.enrollment;
