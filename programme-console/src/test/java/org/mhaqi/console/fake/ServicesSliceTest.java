package org.mhaqi.console.fake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.mhaqi.console.signin.ConsoleUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console with the three services answering fixed JSON over real HTTP (one context for every
 * test of this kind): pages are rendered, the user's token relayed, a service's refusal or absence
 * shown, without the services themselves.
 */
@SpringBootTest(
    properties = {
      "mhaqi.console.auth-server-url=http://auth.test",
      "spring.security.oauth2.client.provider.platform.authorization-uri=http://auth.test/oauth2/authorize",
      "spring.security.oauth2.client.provider.platform.token-uri=http://auth.test/oauth2/token",
      "spring.security.oauth2.client.provider.platform.jwk-set-uri=http://auth.test/oauth2/jwks"
    })
@AutoConfigureMockMvc
public abstract class ServicesSliceTest {

  protected static final FakeService ENROLLMENT = new FakeService();
  protected static final FakeService COACHING = new FakeService();
  protected static final FakeService EVALUATION = new FakeService();

  protected static final RequestPostProcessor ADMIN =
      oauth2Login().oauth2User(new ConsoleUser("admin", List.of("ADMIN"), null, null));
  protected static final RequestPostProcessor ANALYST =
      oauth2Login().oauth2User(new ConsoleUser("analyst", List.of("ANALYST"), null, null));

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("mhaqi.console.services.enrollment", ENROLLMENT::url);
    registry.add("mhaqi.console.services.coaching", COACHING::url);
    registry.add("mhaqi.console.services.evaluation", EVALUATION::url);
  }

  @Autowired protected MockMvc mvc;

  @BeforeEach
  void forgetAnswers() {
    ENROLLMENT.reset();
    COACHING.reset();
    EVALUATION.reset();
  }
}
