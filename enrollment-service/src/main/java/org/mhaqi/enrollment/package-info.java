/** enrollment-service: who takes part in the programme, in which phase, and with what backing. */
package org.mhaqi.enrollment;
