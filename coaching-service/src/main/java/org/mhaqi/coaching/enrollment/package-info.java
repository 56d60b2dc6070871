/**
 * What coaching knows of enrolments, from enrollment-service's events: the coaching window, the
 * project team as member ids and roles, and a withdrawal, even one that arrives before the
 * enrolment it ends.
 */
package org.mhaqi.coaching.enrollment;
