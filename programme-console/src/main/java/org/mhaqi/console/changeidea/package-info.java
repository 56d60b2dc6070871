/**
 * A service's change ideas and their PDSA cycles: record an idea, plan and start a cycle, study it
 * and decide (adopt, adapt, abandon), and see each idea's outcome.
 */
package org.mhaqi.console.changeidea;
