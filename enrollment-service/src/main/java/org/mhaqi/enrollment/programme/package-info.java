/** The programme and its phases: dates, capacity and coaching window. */
package org.mhaqi.enrollment.programme;
