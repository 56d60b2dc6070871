package org.mhaqi.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's client at the platform's authorization server ({@code mhaqi.console.auth.*}); with
 * {@code enabled} false it calls the services without a token.
 */
@ConfigurationProperties("mhaqi.console.auth")
record ConsoleAuthProperties(
    boolean enabled, String tokenUri, String clientId, String clientSecret) {}
