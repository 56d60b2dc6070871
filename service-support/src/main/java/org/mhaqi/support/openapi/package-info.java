/**
 * What a service's OpenAPI document says about the service itself: its title, the build's version,
 * what it owns, whom to ask, under which licence, and its tags in the order a reader meets them
 * ({@code mhaqi.openapi.*}, one copy configured per service). How to call it (the security schemes)
 * is {@link org.mhaqi.support.security.OpenApiSecurity}'s.
 */
package org.mhaqi.support.openapi;
