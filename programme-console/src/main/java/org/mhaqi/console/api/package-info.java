/** Calls to the three services with the user's token, and what their answers mean to a user. */
package org.mhaqi.console.api;
