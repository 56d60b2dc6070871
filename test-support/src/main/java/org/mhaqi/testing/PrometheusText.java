package org.mhaqi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code /actuator/prometheus} page, read as samples: the name, the labels and the
 * value of every line that is not a comment.
 */
public final class PrometheusText {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One line of the page. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new PrometheusText(samples);
  }

  /** Reads the page of a service on 127.0.0.1 as an operator, with a token from TestTokens. */
  public static PrometheusText scrape(int port) {
    return scrape(port, TestTokens.operator());
  }

  /** Reads the page of a service on 127.0.0.1 with an operator's bearer token. */
  public static PrometheusText scrape(int port, String operatorToken) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
            .header("Authorization", "Bearer " + operatorToken)
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
      }
      return parse(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Samples of the name whose labels include all the given ones (name, value, name, value...). */
  public List<Sample> find(String name, String... labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> hasLabels(s, labels))
        .toList();
  }

  /** The sum of the matching samples, empty when there is none. */
  public OptionalDouble sum(String name, String... labels) {
    List<Sample> found = find(name, labels);
    return found.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(found.stream().mapToDouble(Sample::value).sum());
  }

  /** The sum of the matching samples, 0 when there is none. */
  public double value(String name, String... labels) {
    return sum(name, labels).orElse(0);
  }

  private static boolean hasLabels(Sample sample, String... labels) {
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
