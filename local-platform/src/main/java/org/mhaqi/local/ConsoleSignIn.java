package org.mhaqi.local;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a person in to the programme console as a browser does: the console sends it to the
 * authorization server (authorization code with PKCE), the server's login form takes the user name
 * and password, the code comes back to the console, which then answers its pages. One instance is
 * one browser (its own cookies).
 */
public final class ConsoleSignIn {

  /** The demo users of the authorization server's configuration, password as in README. */
  public static final java.util.List<String> DEMO_USERS =
      java.util.List.of("admin", "coach", "trust", "analyst");

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String console;
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          // As a browser speaks to http: no h2c upgrade (the console's Tomcat leaves it
          // unanswered).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param console the console's URL, e.g. http://127.0.0.1:8080
   */
  public ConsoleSignIn(String console) {
    this.console = console.replaceAll("/+$", "");
  }

  /** A demo user's password: {@code DEMO_<USER>_PASSWORD}, or the user name. */
  public static String demoPassword(String user) {
    String set = System.getenv("DEMO_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
    return set == null || set.isBlank() ? user : set;
  }

  /** Signs in; the console's home page afterwards. */
  public String signIn(String user, String password) {
    // The console sends the browser on to the authorization server, which asks for the login.
    String authorize = follow(console + "/", "/oauth2/authorize");
    String login = redirect(get(authorize), authorize);
    String form = get(login).body();
    Matcher csrf = CSRF.matcher(form);
    if (!csrf.find()) {
      throw new IllegalStateException("the authorization server's login form has no CSRF token");
    }
    HttpResponse<String> signedIn =
        send(
            HttpRequest.newBuilder(URI.create(login))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + encode(user)
                            + "&password="
                            + encode(password)
                            + "&_csrf="
                            + encode(csrf.group(1))))
                .build());
    String next = redirect(signedIn, login);
    if (next.contains("/login?error")) {
      throw new IllegalStateException(user + " could not sign in: wrong user name or password");
    }
    // Back to the authorization request, then with the code to the console, then its home.
    String home = follow(next, null);
    return get(home).body();
  }

  /** A page of the console for the signed-in user (its body); fails unless 200. */
  public String page(String path) {
    HttpResponse<String> page = get(console + path);
    if (page.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + page.statusCode());
    }
    return page.body();
  }

  /** Follows redirects until one leads to a URL containing {@code until}, or to a 200. */
  private String follow(String url, String until) {
    String current = url;
    for (int hops = 0; hops < 10; hops++) {
      HttpResponse<String> response = get(current);
      if (response.statusCode() / 100 != 3) {
        return current;
      }
      current = redirect(response, current);
      if (until != null && current.contains(until)) {
        return current;
      }
    }
    throw new IllegalStateException("too many redirects from " + url);
  }

  private static String redirect(HttpResponse<String> response, String from) {
    return URI.create(from)
        .resolve(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            from + " answered " + response.statusCode() + ", not a redirect")))
        .toString();
  }

  private HttpResponse<String> get(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/html")
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
