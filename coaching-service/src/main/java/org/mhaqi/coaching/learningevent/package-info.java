/**
 * Programme-wide learning events: webinars and in-person days the central team schedules for the
 * enrolled teams (and the learning network), in the teams' and coaches' calendar feeds, with
 * attendance per service.
 */
package org.mhaqi.coaching.learningevent;
