/** A trust member's organisation: its services, their enrolments and where their charts are. */
package org.mhaqi.console.organisation;
