package org.mhaqi.console.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.draft.FormDrafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's own behaviour around the pages, without the services: nothing answers at their URLs
 * here, which is how a page must look when they are down.
 */
@SpringBootTest(
    properties = {
      "mhaqi.console.services.enrollment=http://127.0.0.1:9",
      "mhaqi.console.services.coaching=http://127.0.0.1:9",
      "mhaqi.console.services.evaluation=http://127.0.0.1:9",
      "mhaqi.console.auth-server-url=http://auth.test",
      "spring.security.oauth2.client.provider.platform.authorization-uri=http://auth.test/oauth2/authorize",
      "spring.security.oauth2.client.provider.platform.token-uri=http://auth.test/oauth2/token",
      "spring.security.oauth2.client.provider.platform.jwk-set-uri=http://auth.test/oauth2/jwks"
    })
@AutoConfigureMockMvc
class ConsolePagesTest {

  private static final String FORM =
      "/services/7b1c6a8e-52d4-4f9f-9a53-0d3c4b8a1e01/data-returns/DETENTIONS/new";

  @Autowired MockMvc mvc;

  private static final ConsoleUser TRUST =
      new ConsoleUser("trust", List.of("TRUST_MEMBER"), "RX4", null);

  @Test
  void aVisitorIsSentToSignInWithPkce() throws Exception {
    mvc.perform(get("/")).andExpect(redirectedUrl("/oauth2/authorization/programme-console"));

    String authorize =
        mvc.perform(get("/oauth2/authorization/programme-console"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    assertThat(authorize)
        .startsWith("http://auth.test/oauth2/authorize")
        .contains("code_challenge=")
        .contains("code_challenge_method=S256");
  }

  @Test
  void aBrowserWhoseSessionEndedIsToldSo() throws Exception {
    mvc.perform(get("/organisation").with(ConsolePagesTest::endedSession))
        .andExpect(redirectedUrl("/session-ended"));
    mvc.perform(get("/session-ended"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Your session ended")));
  }

  @Test
  void aServiceThatDoesNotAnswerIsNamedWhileThePageStillWorks() throws Exception {
    mvc.perform(get("/organisation").with(oauth2Login().oauth2User(TRUST)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Your organisation is unavailable just now: the enrolment service did not"
                            + " answer")))
        .andExpect(content().string(Matchers.containsString("Sign out")));
  }

  @Test
  void personalPagesAreNeverCachedAndRunNoInlineScript() throws Exception {
    mvc.perform(get("/").with(oauth2Login().oauth2User(TRUST)))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    Matchers.allOf(
                        Matchers.containsString("script-src 'self';"),
                        Matchers.not(Matchers.containsString("unsafe-inline")),
                        Matchers.containsString("form-action 'self' http://auth.test"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))));
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
    mvc.perform(post(FORM).with(oauth2Login().oauth2User(TRUST)).param("month", "2026-03"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aFormSentAfterTheSessionEndedIsKeptForAfterSigningIn() throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    post(FORM)
                        .with(csrf())
                        .with(ConsolePagesTest::endedSession)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("month", "2026-03")
                        .param("n-A", "4"))
                .andExpect(redirectedUrl("/session-ended"))
                .andReturn()
                .getRequest()
                .getSession(false);

    MockHttpServletRequest later = new MockHttpServletRequest();
    later.setSession(session);
    FormDrafts drafts = new FormDrafts();
    assertThat(drafts.find(later, FORM))
        .hasValueSatisfying(d -> assertThat(d.value("n-A")).isEqualTo("4"));
    assertThat(drafts.takeResumePath(later)).isEqualTo(FORM);
  }

  private static MockHttpServletRequest endedSession(MockHttpServletRequest request) {
    request.setRequestedSessionId("ended");
    request.setRequestedSessionIdValid(false);
    return request;
  }
}
