# One image recipe for the services, the authorization server and the two consoles. Build the jars first (./mvnw -B -DskipTests install),
# then: docker-compose build. The build context is the repository root; .dockerignore keeps it
# down to the service jars.
FROM eclipse-temurin:17.0.16_8-jre

ARG SERVICE
RUN test -n "$SERVICE" || (echo "build arg SERVICE (e.g. enrollment-service) is required" && exit 1)

# curl for the compose healthcheck; a non-root user to run the service.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/data && chown app /app/data

# /app/data is the one place the program may write (the authorization server keeps its signing key
# there, on a volume, so tokens survive a new container).
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER app

# The same options as ./platform gives the services (docs/running-locally.md): the serial collector
# and a heap that starts small. The authorization server and the console set their own in
# docker-compose.yml.
ENV JAVA_TOOL_OPTIONS="-Xmx384m -Xms64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
