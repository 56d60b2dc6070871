/**
 * Project teams: members and their roles per enrolment. Names and e-mail addresses are personal
 * data: they stay in this service, never travel in events, and can be erased on request.
 */
package org.mhaqi.enrollment.team;
