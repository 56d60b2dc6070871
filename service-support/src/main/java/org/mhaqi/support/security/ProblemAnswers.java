package org.mhaqi.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem+json written by the security filters, which answer before Spring MVC (and so
 * before ProblemHandling) sees the request: the same shape and type URNs.
 */
final class ProblemAnswers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemAnswers() {}

  static void write(
      HttpServletResponse response,
      int status,
      String code,
      String title,
      String detail,
      String instance)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:mhaqi:problem:" + code);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", instance);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
