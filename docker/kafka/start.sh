#!/bin/bash
# The platform's broker in a container (docker-compose.yml, docker-compose.cluster.yml), secured as
# ./platform's is (local-platform's KafkaSecurity, docs/kafka-security.md): SASL/SCRAM-SHA-512 on
# the clients' listeners, PLAIN between brokers and controllers, ACLs by StandardAuthorizer.
#
# 1. Writes server.properties from the KAFKA_* variables (KAFKA_LOG_DIRS -> log.dirs; ___ is "-",
#    __ is "_"), with the security settings added here.
# 2. Formats the storage once, creating every SCRAM user then, so the broker starts ready.
# 3. Starts Kafka and, once it serves, adds the ACLs of docker/kafka/acls.txt as admin, then writes
#    /tmp/acls-applied (the health check waits for it).
# Passwords: KAFKA_PASSWORD_<USER>, else the demo values of a developer's machine.
set -euo pipefail

password() {
  local var="KAFKA_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"
  echo "${!var:-$1-demo-secret}"
}

ADMIN_PASSWORD="$(password admin)"
CONTROLLER_PASSWORD="$(password controller)"
USERS="admin replay analytics enrollment-service coaching-service evaluation-service notification-service"
CONFIG=/tmp/server.properties
SCRAM_LOGIN="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$ADMIN_PASSWORD\";"

{
  env | grep '^KAFKA_' \
    | grep -v -E '^KAFKA_(HEAP_OPTS|OPTS|JVM_PERFORMANCE_OPTS|LOG4J_OPTS|PASSWORD_[A-Z_]*)=' \
    | while IFS='=' read -r name value; do
        key="$(echo "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')"
        printf '%s=%s\n' "$key" "$value"
      done
  echo "sasl.enabled.mechanisms=SCRAM-SHA-512"
  echo "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512"
  for listener in internal host; do
    echo "listener.name.$listener.scram-sha-512.sasl.jaas.config=$SCRAM_LOGIN"
  done
  echo "sasl.mechanism.controller.protocol=PLAIN"
  echo "listener.name.controller.sasl.enabled.mechanisms=PLAIN"
  echo "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\"$CONTROLLER_PASSWORD\" user_controller=\"$CONTROLLER_PASSWORD\";"
  echo "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer"
  echo "allow.everyone.if.no.acl.found=false"
  echo "super.users=User:admin;User:controller"
} > "$CONFIG"

scram=()
for user in $USERS; do
  scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(password "$user"),iterations=8192]")
done
/opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$CONFIG" \
  --ignore-formatted "${scram[@]}"

cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$SCRAM_LOGIN
PROPERTIES

rm -f /tmp/acls-applied
(
  until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server 127.0.0.1:29092 \
      --command-config /tmp/admin.properties > /dev/null 2>&1; do
    sleep 2
  done
  while read -r line; do
    [ -z "$line" ] || [ "${line:0:1}" = "#" ] && continue
    # shellcheck disable=SC2086
    /opt/kafka/bin/kafka-acls.sh --bootstrap-server 127.0.0.1:29092 \
      --command-config /tmp/admin.properties --add $line > /dev/null
  done < /docker/kafka/acls.txt
  touch /tmp/acls-applied
  echo "start.sh: ACLs applied"
) &

exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
