/** The home page after sign-in: what the signed-in role can do here. */
package org.mhaqi.console.home;
