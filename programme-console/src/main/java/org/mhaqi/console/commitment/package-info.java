/**
 * The weekly time commitment: a service's project team returns its hours each week, and sees its
 * average against the programme's expectation of about 2 hours a week per member.
 */
package org.mhaqi.console.commitment;
