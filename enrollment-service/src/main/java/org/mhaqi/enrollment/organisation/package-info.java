/** Provider organisations (by NHS ODS code) and their inpatient services or ward teams. */
package org.mhaqi.enrollment.organisation;
