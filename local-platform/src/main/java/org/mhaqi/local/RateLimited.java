package org.mhaqi.local;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a request as a well-behaved client of the platform's rate-limited APIs: on 429 it waits as
 * long as {@code Retry-After} says and sends it again, a few times at most.
 */
final class RateLimited {

  private static final int ATTEMPTS = 10;
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private RateLimited() {}

  static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (int attempt = 1; attempt < ATTEMPTS && response.statusCode() == 429; attempt++) {
      Thread.sleep(retryAfter(response).toMillis());
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  static Duration retryAfter(HttpResponse<?> response) {
    long seconds =
        response
            .headers()
            .firstValue("Retry-After")
            .map(
                value -> {
                  try {
                    return Long.parseLong(value.strip());
                  } catch (NumberFormatException e) {
                    return 1L;
                  }
                })
            .orElse(1L);
    Duration wait = Duration.ofSeconds(Math.max(1, seconds));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }
}
