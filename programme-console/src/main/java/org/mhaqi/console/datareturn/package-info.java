/** A service's monthly data returns: sent by form or CSV file, refusals in plain English. */
package org.mhaqi.console.datareturn;
