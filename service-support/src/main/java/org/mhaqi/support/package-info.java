/** What every service of the platform shares. */
package org.mhaqi.support;
