package org.mhaqi.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Bodies over their limit are a 413 problem, beside ProblemHandling's catch-all answers. */
class RequestTooLargeHandlingTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new LimitedController())
          .setControllerAdvice(new ProblemHandling(), new RequestTooLargeHandling())
          .build();

  @RestController
  static class LimitedController {

    @PostMapping("/parsed")
    void parsed() {
      // As a JSON converter reports a body stopped at its limit: wrapped as unreadable.
      throw new HttpMessageNotReadableException(
          "I/O error while reading input message",
          new RequestTooLargeException(1024),
          new MockHttpInputMessage(new byte[0]));
    }

    @PostMapping("/uploaded")
    void uploaded() {
      throw new MaxUploadSizeExceededException(5 * 1024 * 1024);
    }

    @PostMapping("/echo")
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
      return body;
    }
  }

  @Test
  void aBodyStoppedWhileBeingParsedIsTooLargeNotMalformed() throws Exception {
    mvc.perform(post("/parsed"))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:payload-too-large"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1024")));
  }

  @Test
  void aMultipartUploadOverTheLimitIsTooLargeNotAServerError() throws Exception {
    mvc.perform(post("/uploaded"))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:payload-too-large"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("5242880")));
  }

  @Test
  void otherUnreadableBodiesStayProblemHandlingsMalformedBody() throws Exception {
    mvc.perform(post("/echo").contentType("application/json").content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:malformed-body"));
  }
}
