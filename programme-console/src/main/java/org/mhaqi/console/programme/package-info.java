/**
 * The central team's programme: phases with places taken and left, the applications to decide and
 * the waitlist in its order, and each enrolment with its history.
 */
package org.mhaqi.console.programme;
