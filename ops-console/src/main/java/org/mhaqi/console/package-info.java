/** The operations console (Spring Boot Admin server). */
package org.mhaqi.console;
