package org.mhaqi.console.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import org.mhaqi.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/** One RestClient per service, each relaying the signed-in user's access token (refreshed). */
@Configuration(proxyBeanMethods = false)
class ServiceClientConfiguration {

  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository tokens) {
    DefaultOAuth2AuthorizedClientManager manager =
        new DefaultOAuth2AuthorizedClientManager(registrations, tokens);
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
    return manager;
  }

  @Bean
  ServiceCalls serviceCalls(
      RestClient.Builder builder,
      OAuth2AuthorizedClientManager manager,
      ConsoleProperties properties) {
    OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
    bearer.setClientRegistrationIdResolver(request -> ConsoleProperties.CLIENT_REGISTRATION);
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(properties.serviceTimeout()).build());
    requests.setReadTimeout(properties.serviceTimeout());
    ConsoleProperties.Services urls = properties.services();
    Map<ServiceCalls.Service, RestClient> clients = new EnumMap<>(ServiceCalls.Service.class);
    clients.put(
        ServiceCalls.Service.ENROLLMENT, client(builder, requests, bearer, urls.enrollment()));
    clients.put(ServiceCalls.Service.COACHING, client(builder, requests, bearer, urls.coaching()));
    clients.put(
        ServiceCalls.Service.EVALUATION, client(builder, requests, bearer, urls.evaluation()));
    return new ServiceCalls(clients);
  }

  private static RestClient client(
      RestClient.Builder builder,
      JdkClientHttpRequestFactory requests,
      OAuth2ClientHttpRequestInterceptor bearer,
      URI url) {
    return builder
        .clone()
        .baseUrl(url.toString())
        .requestFactory(requests)
        .requestInterceptor(bearer)
        .build();
  }
}
