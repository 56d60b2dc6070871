package org.mhaqi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.contracts.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * Looks for personal data where none may be: any e-mail address, and any of a list of personal
 * names, in every record of every topic of a broker (key, value and headers, dead-letter and
 * internal topics included), in log files and in any other text such as a metrics scrape. Names
 * match whole words, ignoring case and how the words are spaced. And, from the event schemas, the
 * fields where free text from a user could travel at all ({@link #freeTextFields}).
 */
public final class PersonalDataScan {

  /** An e-mail address, also with its {@code @} percent-encoded as in a URL. */
  public static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /** One piece of personal data, where it was and the text around it. */
  public record Finding(String where, String found, String context) {
    @Override
    public String toString() {
      return where + ": " + found + " in \"" + context + "\"";
    }
  }

  private final List<Pattern> names;

  /** A scan for e-mail addresses and these personal names. */
  public PersonalDataScan(Collection<String> personalNames) {
    this.names =
        personalNames.stream()
            .filter(name -> !name.isBlank())
            .distinct()
            .map(PersonalDataScan::wholeWords)
            .toList();
  }

  private static Pattern wholeWords(String name) {
    String words =
        Stream.of(name.strip().split("\\s+"))
            .map(Pattern::quote)
            .reduce((a, b) -> a + "\\s+" + b)
            .orElseThrow();
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** What personal data the text holds; {@code where} names it in the findings. */
  public List<Finding> scan(String where, String text) {
    List<Finding> findings = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return findings;
    }
    find(EMAIL, where, text, findings);
    for (Pattern name : names) {
      find(name, where, text, findings);
    }
    return findings;
  }

  private static void find(Pattern pattern, String where, String text, List<Finding> findings) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 60);
      int to = Math.min(text.length(), m.end() + 60);
      findings.add(new Finding(where, m.group(), text.substring(from, to).replace('\n', ' ')));
    }
  }

  /** What a record's key, value and headers (names and values) hold. */
  public List<Finding> scan(ConsumerRecord<byte[], byte[]> record) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    List<Finding> findings = new ArrayList<>();
    findings.addAll(scan(where + " key", text(record.key())));
    findings.addAll(scan(where + " value", text(record.value())));
    for (Header header : record.headers()) {
      findings.addAll(scan(where + " header name", header.key()));
      findings.addAll(scan(where + " header " + header.key(), text(header.value())));
    }
    return findings;
  }

  /** What a log file holds, line by line. */
  public List<Finding> scan(Path log) {
    List<Finding> findings = new ArrayList<>();
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      int[] number = {0};
      lines.forEach(line -> findings.addAll(scan(log + ":" + ++number[0], line)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      // Not UTF-8 throughout: read it as bytes instead.
      findings.addAll(scanBytes(log));
    }
    return findings;
  }

  private List<Finding> scanBytes(Path log) {
    try {
      return scan(log.toString(), new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Event fields that may hold free text from a user, which no event may carry: string fields of
   * the newest schema version of each type (superseded versions are only read, never published
   * again) that are neither an id, date or time ({@code format}), a code ({@code enum}, {@code
   * const}) nor shaped by a {@code pattern}, at any depth, unless {@code notFreeText} names them as
   * {@code Type.field} (nested: {@code Type.list[].field}).
   *
   * @param schemas the schemas by file name, {@code <Type>.v<N>.schema.json}, as {@link
   *     org.mhaqi.testing.contracts.EventSchemas#kept} reads them
   * @return the fields, {@code Type.field} each, sorted
   */
  public static List<String> freeTextFields(
      Map<String, JsonNode> schemas, Collection<String> notFreeText) {
    Map<String, Integer> newest = new HashMap<>();
    Map<String, JsonNode> newestSchema = new HashMap<>();
    for (var schema : schemas.entrySet()) {
      Matcher file = SCHEMA_FILE.matcher(schema.getKey());
      if (!file.matches()) {
        continue;
      }
      int version = Integer.parseInt(file.group(2));
      if (version > newest.getOrDefault(file.group(1), 0)) {
        newest.put(file.group(1), version);
        newestSchema.put(file.group(1), schema.getValue());
      }
    }
    List<String> found = new ArrayList<>();
    newestSchema.forEach((type, schema) -> collectFreeText(type, schema, found));
    found.removeAll(notFreeText);
    return found.stream().sorted().toList();
  }

  /**
   * {@link #freeTextFields(Map, Collection)} of the repository's event schemas, {@code
   * root/docs/schemas}, leaving out the fields named in {@code docs/schemas/not-free-text.txt}.
   */
  public static List<String> freeTextFields(Path root) {
    Path list = root.resolve(EventSchemas.DIRECTORY).resolve("not-free-text.txt");
    List<String> notFreeText = new ArrayList<>();
    try {
      if (Files.isRegularFile(list)) {
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
          String field = line.strip();
          if (!field.isEmpty() && !field.startsWith("#")) {
            notFreeText.add(field);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return freeTextFields(EventSchemas.kept(root), notFreeText);
  }

  private static final Pattern SCHEMA_FILE = Pattern.compile("(\\w+)\\.v(\\d+)\\.schema\\.json");

  private static void collectFreeText(String path, JsonNode schema, List<String> found) {
    JsonNode type = schema.path("type");
    boolean string = "string".equals(type.asString(null));
    for (JsonNode oneOf : type) {
      string |= "string".equals(oneOf.asString(null));
    }
    if (string
        && !schema.has("format")
        && !schema.has("enum")
        && !schema.has("const")
        && !schema.has("pattern")) {
      found.add(path);
    }
    for (var property : schema.path("properties").properties()) {
      collectFreeText(path + "." + property.getKey(), property.getValue(), found);
    }
    if (schema.has("items")) {
      collectFreeText(path + "[]", schema.get("items"), found);
    }
  }

  /** Every record of every topic of the broker, internal topics included, from the beginning. */
  public static List<ConsumerRecord<byte[], byte[]>> everyRecord(String bootstrapServers) {
    List<TopicPartition> partitions = new ArrayList<>();
    try (Admin admin = Admin.create(KafkaSecurity.adminConfig(bootstrapServers))) {
      Set<String> topics =
          admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
      for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
        topic
            .partitions()
            .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not list the broker's topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    props.put("enable.auto.commit", "false");
    // Aborted transactions' records too: they were on the broker all the same.
    props.put("isolation.level", "read_uncommitted");
    props.put("exclude.internal.topics", "false");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      end.values().removeIf(offset -> offset == 0);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!end.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read to the end of " + end.keySet());
        }
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
      }
    }
    return records;
  }

  /** What every record of every topic of the broker holds. */
  public List<Finding> scanBroker(String bootstrapServers) {
    List<Finding> findings = new ArrayList<>();
    everyRecord(bootstrapServers).forEach(record -> findings.addAll(scan(record)));
    return findings;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
