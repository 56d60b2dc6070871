/**
 * Scheduling rules, free of persistence: the cadences that turn a coaching window into session
 * requests, the roster that knows when each coach is free, and the planner that places each session
 * on a working day with a coach who is neither double-booked nor over capacity, or reports it
 * unstaffed.
 */
package org.mhaqi.coaching.scheduling;
