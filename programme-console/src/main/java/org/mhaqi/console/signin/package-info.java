/** Sign-in (authorization code with PKCE), the session, and the headers every page carries. */
package org.mhaqi.console.signin;
