package org.mhaqi.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's client at the platform's authorization server ({@code mhaqi.console.auth.*}); with
 * {@code enabled} false it calls the services without a token.
 *
 * @param enabled whether the console sends an OPERATOR token with its calls to the services
 * @param tokenUri the authorization server's token endpoint
 * @param clientId the console's client, which has the OPERATOR role
 * @param clientSecret that client's secret
 */
@ConfigurationProperties("mhaqi.console.auth")
record ConsoleAuthProperties(
    boolean enabled, String tokenUri, String clientId, String clientSecret) {}
