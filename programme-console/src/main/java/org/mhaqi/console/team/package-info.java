/**
 * The trust member's enrolments: expressing interest in a phase, the project team (with lived
 * experience partners), the executive commitment (three backings and the sponsor), the coaching
 * plan with the team's weekly time commitment, and the service's calendar subscription link.
 */
package org.mhaqi.console.team;
