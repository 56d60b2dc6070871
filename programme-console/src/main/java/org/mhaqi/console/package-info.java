/**
 * The programme console: the pages the programme's people use, relaying their token to the APIs.
 */
package org.mhaqi.console;
