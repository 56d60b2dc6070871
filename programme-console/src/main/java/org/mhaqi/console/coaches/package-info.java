/** The central team's coaches: their levels, working days, load this week and next, days away. */
package org.mhaqi.console.coaches;
