package org.mhaqi.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitTest {

  private static final int LIMIT = 100;
  private static final int UPLOAD_LIMIT = 500;

  private final RequestSizeLimit filter =
      new RequestSizeLimit(
          new RequestLimitsProperties(DataSize.ofBytes(LIMIT), DataSize.ofBytes(UPLOAD_LIMIT)));

  @Test
  void aDeclaredLengthOverTheLimitIsAProblemAndTheBodyIsNeverHandedOn() throws Exception {
    MockHttpServletRequest request = post("application/json", LIMIT + 1, true);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"urn:mhaqi:problem:payload-too-large\"")
        .contains("\"status\":413")
        .contains("\"instance\":\"/api/things\"")
        .contains("limit of " + LIMIT + " bytes");
  }

  @Test
  void anUndeclaredLengthIsCountedAndStoppedAtTheFirstByteOver() throws Exception {
    assertThatThrownBy(() -> readThrough(post("application/json", LIMIT + 1, false)))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining(String.valueOf(LIMIT));
    assertThat(readThrough(post("application/json", LIMIT, false))).hasSize(LIMIT);
  }

  @Test
  void aReaderReadingOneCharacterAtATimeIsCountedToo() {
    MockHttpServletRequest request = post("application/json", LIMIT + 1, false);
    FilterChain chain =
        (req, res) -> {
          var reader = req.getReader();
          while (reader.read() != -1) {
            // reads to the end
          }
        };

    assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), chain))
        .isInstanceOf(RequestTooLargeException.class);
  }

  @Test
  void csvAndMultipartBodiesHaveTheUploadLimit() throws Exception {
    assertThat(readThrough(post("text/csv", UPLOAD_LIMIT, false))).hasSize(UPLOAD_LIMIT);
    assertThat(readThrough(post("multipart/form-data; boundary=x", UPLOAD_LIMIT, true)))
        .hasSize(UPLOAD_LIMIT);
    assertThatThrownBy(() -> readThrough(post("text/csv; charset=UTF-8", UPLOAD_LIMIT + 1, false)))
        .isInstanceOf(RequestTooLargeException.class);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(post("text/csv", UPLOAD_LIMIT + 1, true), response, new MockFilterChain());
    assertThat(response.getStatus()).isEqualTo(413);
  }

  /** Passes the request through the filter to a handler that reads the whole body. */
  private byte[] readThrough(MockHttpServletRequest request) throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (req, res) -> body.set(req.getInputStream().readAllBytes()));
    return body.get();
  }

  private static MockHttpServletRequest post(String contentType, int size, boolean declared) {
    MockHttpServletRequest request =
        declared
            ? new MockHttpServletRequest("POST", "/api/things")
            : new MockHttpServletRequest("POST", "/api/things") {
              // As a chunked request arrives: no Content-Length.
              @Override
              public int getContentLength() {
                return -1;
              }

              @Override
              public long getContentLengthLong() {
                return -1;
              }
            };
    request.setContentType(contentType);
    request.setContent(new byte[size]);
    return request;
  }
}
