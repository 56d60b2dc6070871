package org.mhaqi.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps request bodies within {@link RequestLimitsProperties}: a body that declares a larger {@code
 * Content-Length} is answered 413 problem+json before a byte of it is read, and one that does not
 * (chunked) is counted while it is read and stopped with a {@link RequestTooLargeException} at the
 * first byte over, which {@link RequestTooLargeHandling} answers the same way. Either way the
 * handler never sees the body, so nothing is written.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final RequestLimitsProperties limits;

  public RequestSizeLimit(RequestLimitsProperties limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limits.limitFor(request.getContentType());
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", RequestTooLargeHandling.TYPE);
    problem.put("title", RequestTooLargeHandling.TITLE);
    problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
    problem.put("detail", RequestTooLargeHandling.detail(limit));
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    // No charset parameter: JSON is UTF-8, and this is what the MVC answers say.
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
  }

  /** The request with a body that cannot be read past the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream body;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new CountedInputStream(super.getInputStream(), limit);
      }
      return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /** Counts what is read and fails at the first byte over the limit. */
  private static final class CountedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final long limit;
    private long read;

    CountedInputStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b != -1) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new RequestTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
