/** Which role reaches which of enrollment-service's operations. */
package org.mhaqi.enrollment.security;
