/** Sessions no coach could take, and staffing them: where a coach is now free, or a chosen one. */
package org.mhaqi.console.staffing;
