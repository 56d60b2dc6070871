package org.mhaqi.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may talk to the platform's brokers, and what each may do: SASL/SCRAM-SHA-512 on the clients'
 * (and inter-broker) listener, PLAIN between a broker and the KRaft controllers, and ACLs on every
 * topic and consumer group (StandardAuthorizer, nothing allowed that no ACL allows).
 *
 * <p>One principal per service, {@code User:<spring.application.name>}: it writes only its own
 * topics and the dead-letter topics of what it consumes, and reads only what it consumes (and its
 * dead letters). {@code User:analytics} reads every public topic and writes none. {@code
 * User:replay} sends a dead letter back to its topic (the services' dead-letter replay). {@code
 * User:admin} is the operators' principal (topic creation, the tests' readers and writers, the
 * replay tool) and a super user; the brokers talk to each other as it.
 *
 * <p>Passwords are configuration: {@code KAFKA_PASSWORD_<USER>} (upper case, {@code -} as {@code
 * _}, e.g. {@code KAFKA_PASSWORD_COACHING_SERVICE}), otherwise a demo value for a developer's
 * machine, {@code <user>-demo-secret}. The brokers create the SCRAM users when their storage is
 * formatted, so they start ready, and set them again (with the ACLs) each time they start.
 */
public final class KafkaSecurity {

  public static final String MECHANISM = "SCRAM-SHA-512";
  public static final String PROTOCOL = "SASL_PLAINTEXT";
  static final String LISTENER = "SASL_PLAINTEXT";
  static final int SCRAM_ITERATIONS = 8192;

  public static final String ADMIN = "admin";
  public static final String ANALYTICS = "analytics";
  public static final String REPLAY = "replay";
  public static final String CONTROLLER = "controller";

  public static final String ENROLLMENT_EVENTS = "enrollment.events";
  public static final String PROGRAMME_EVENTS = "programme.events";
  public static final String ORGANISATION_EVENTS = "organisation.events";
  public static final String COACHING_EVENTS = "coaching.events";
  public static final String EVALUATION_EVENTS = "evaluation.events";

  /** The public topics: every event the platform publishes. */
  public static final List<String> PUBLIC_TOPICS =
      List.of(
          ENROLLMENT_EVENTS,
          PROGRAMME_EVENTS,
          ORGANISATION_EVENTS,
          COACHING_EVENTS,
          EVALUATION_EVENTS);

  /** What one service writes (its own topics) and reads (what it consumes). */
  public record ServiceAccess(String service, List<String> writes, List<String> reads) {

    /** The dead-letter topic of each topic the service reads: {@code <topic>.<service>.dlq}. */
    public List<String> deadLetterTopics() {
      return reads.stream().map(topic -> topic + "." + service + ".dlq").toList();
    }
  }

  /** Each service's topics, as its outbox publishes and its bindings consume them. */
  public static final List<ServiceAccess> SERVICES =
      List.of(
          new ServiceAccess(
              "enrollment-service",
              List.of(ENROLLMENT_EVENTS, PROGRAMME_EVENTS, ORGANISATION_EVENTS),
              List.of()),
          new ServiceAccess(
              "coaching-service", List.of(COACHING_EVENTS), List.of(ENROLLMENT_EVENTS)),
          new ServiceAccess(
              "evaluation-service",
              List.of(EVALUATION_EVENTS),
              List.of(ENROLLMENT_EVENTS, COACHING_EVENTS)),
          new ServiceAccess(
              "notification-service",
              List.of(),
              List.of(ENROLLMENT_EVENTS, COACHING_EVENTS, ORGANISATION_EVENTS, EVALUATION_EVENTS)));

  private KafkaSecurity() {}

  /** Every SCRAM user: the services, analytics, replay and admin. */
  public static List<String> users() {
    List<String> users = new ArrayList<>();
    users.add(ADMIN);
    users.add(REPLAY);
    users.add(ANALYTICS);
    SERVICES.forEach(s -> users.add(s.service()));
    return users;
  }

  /** The user's password: {@code KAFKA_PASSWORD_<USER>}, else the developer's demo value. */
  public static String password(String user) {
    return password(user, System.getenv());
  }

  static String password(String user, Map<String, String> env) {
    String value = env.get(passwordVariable(user));
    return value == null || value.isBlank() ? user + "-demo-secret" : value;
  }

  public static String passwordVariable(String user) {
    return "KAFKA_PASSWORD_" + user.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The client settings that authenticate as this user (and no bootstrap servers). */
  public static Map<String, Object> clientConfig(String user) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
    config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
    config.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password(user)));
    return config;
  }

  /** The client settings of an admin client, with these bootstrap servers. */
  public static Map<String, Object> adminConfig(String bootstrapServers) {
    Map<String, Object> config = new LinkedHashMap<>(clientConfig(ADMIN));
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** Adds the settings that authenticate as this user to a client's properties. */
  public static Properties authenticateAs(String user, Properties properties) {
    properties.putAll(clientConfig(user));
    return properties;
  }

  public static String scramLogin(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /** The security entries of a node's configuration (listeners are set by the caller). */
  static void brokerConfig(Properties p) {
    p.put("sasl.enabled.mechanisms", MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    p.put(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        scramLogin(ADMIN, password(ADMIN)));
    // Brokers and controllers: PLAIN, with the controller user the only one it knows. SCRAM users
    // live in the metadata the controllers serve, so the controllers cannot use them themselves.
    String controllerPassword = password(CONTROLLER);
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + CONTROLLER
            + "\" password=\""
            + controllerPassword
            + "\" user_"
            + CONTROLLER
            + "=\""
            + controllerPassword
            + "\";");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("super.users", "User:" + ADMIN + ";User:" + CONTROLLER);
  }

  /** The {@code --add-scram} arguments of the storage tool: every user, created at format time. */
  static List<String> formatArguments() {
    List<String> args = new ArrayList<>();
    for (String user : users()) {
      args.add("--add-scram");
      args.add(
          MECHANISM
              + "=[name="
              + user
              + ",password="
              + password(user)
              + ",iterations="
              + SCRAM_ITERATIONS
              + "]");
    }
    return args;
  }

  /** Every ACL of the platform's principals. */
  public static List<AclBinding> acls() {
    List<AclBinding> acls = new ArrayList<>();
    List<String> everyTopic = new ArrayList<>(PUBLIC_TOPICS);
    SERVICES.forEach(s -> everyTopic.addAll(s.deadLetterTopics()));
    for (ServiceAccess access : SERVICES) {
      String user = access.service();
      // Every service declares every topic (service-support's TopicConfiguration): creating one
      // that exists and setting the configuration it already has change nothing, so each may.
      for (String topic : everyTopic) {
        for (AclOperation op :
            List.of(
                AclOperation.CREATE,
                AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS,
                AclOperation.ALTER_CONFIGS)) {
          acls.add(allow(user, topic(topic), op));
        }
      }
      for (String topic : access.writes()) {
        acls.add(allow(user, topic(topic), AclOperation.WRITE));
      }
      for (String topic : access.reads()) {
        acls.add(allow(user, topic(topic), AclOperation.READ));
      }
      for (String topic : access.deadLetterTopics()) {
        acls.add(allow(user, topic(topic), AclOperation.WRITE));
        acls.add(allow(user, topic(topic), AclOperation.READ));
      }
      acls.add(allow(user, group(user), AclOperation.READ));
    }
    for (String topic : PUBLIC_TOPICS) {
      acls.add(allow(ANALYTICS, topic(topic), AclOperation.READ));
      acls.add(allow(ANALYTICS, topic(topic), AclOperation.DESCRIBE));
      acls.add(allow(REPLAY, topic(topic), AclOperation.WRITE));
      acls.add(allow(REPLAY, topic(topic), AclOperation.DESCRIBE));
    }
    // Analytics consumers name their groups analytics..., and Kafka Streams its internal topics
    // after its application id: both under the prefix.
    acls.add(
        allow(
            ANALYTICS,
            new ResourcePattern(ResourceType.GROUP, ANALYTICS, PatternType.PREFIXED),
            AclOperation.READ));
    for (AclOperation op :
        List.of(
            AclOperation.CREATE,
            AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS,
            AclOperation.READ,
            AclOperation.WRITE,
            AclOperation.DELETE)) {
      acls.add(
          allow(
              ANALYTICS,
              new ResourcePattern(ResourceType.TOPIC, ANALYTICS, PatternType.PREFIXED),
              op));
    }
    return acls;
  }

  /**
   * Sets every user's SCRAM credential (a password changed in the environment since the storage was
   * formatted takes effect) and every ACL, as admin. Both are idempotent.
   */
  public static void apply(String bootstrapServers) {
    try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
      List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> users = new ArrayList<>();
      for (String user : users()) {
        if (!user.equals(ADMIN)) {
          users.add(
              new UserScramCredentialUpsertion(
                  user,
                  new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                  password(user)));
        }
      }
      admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
      admin.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Could not set Kafka's users and ACLs at " + bootstrapServers + " as " + ADMIN, e);
    }
  }

  /**
   * The arguments of one {@code kafka-acls.sh --add} per principal, resource type, pattern type and
   * set of operations, naming every resource with them: the ACLs of {@link #acls()} for brokers
   * that run from the Kafka distribution (docker-compose's, {@code docker/kafka/acls.txt}).
   */
  public static List<String> aclCommandLines() {
    Map<String, List<String>> resourcesByRule = new java.util.TreeMap<>();
    Map<String, java.util.SortedSet<String>> operations = new LinkedHashMap<>();
    for (AclBinding acl : acls()) {
      String key =
          acl.entry().principal()
              + " "
              + acl.pattern().resourceType()
              + " "
              + acl.pattern().patternType()
              + " "
              + acl.pattern().name();
      operations
          .computeIfAbsent(key, k -> new java.util.TreeSet<>())
          .add(acl.entry().operation().name());
    }
    for (Map.Entry<String, java.util.SortedSet<String>> e : operations.entrySet()) {
      String[] parts = e.getKey().split(" ", 4);
      String rule = parts[0] + " " + parts[1] + " " + parts[2] + " " + e.getValue();
      resourcesByRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(parts[3]);
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : resourcesByRule.entrySet()) {
      String[] parts = e.getKey().split(" ", 4);
      StringBuilder line = new StringBuilder("--allow-principal " + parts[0]);
      for (String op : parts[3].substring(1, parts[3].length() - 1).split(", ")) {
        line.append(" --operation ").append(aclCommandOperation(op));
      }
      if (parts[2].equals("PREFIXED")) {
        line.append(" --resource-pattern-type prefixed");
      }
      String option = parts[1].equals("GROUP") ? " --group " : " --topic ";
      for (String name : e.getValue()) {
        line.append(option).append(name);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String aclCommandOperation(String operation) {
    StringBuilder name = new StringBuilder();
    for (String word : operation.split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  private static ResourcePattern group(String name) {
    return new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
  }

  private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
    return new AclBinding(
        resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }
}
