/** The central team's view of every organisation, its services and their enrolments. */
package org.mhaqi.console.organisations;
