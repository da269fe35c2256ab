# The api-node image: the Spring Boot API node (with the web front end inside) in client mode,
# configured by config/application.yaml (inside the jar), config/hazelcast-client.yaml (copied in)
# and the environment (COMMERCE_*, HZCLIENT_*). Built where a Docker engine runs, from the
# project's root after `mvn -DskipTests package`:
#   docker build -f images/api-node.Dockerfile -t registry.example.com/commerce/api-node:1.0.0 .
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 commerce
WORKDIR /app
COPY api-node/target/lib/ lib/
COPY api-node/target/api-node.jar api-node.jar
COPY config/hazelcast-client.yaml config/hazelcast.jvmopts config/
USER 10001
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java @config/hazelcast.jvmopts --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Dhazelcast.client.config=config/hazelcast-client.yaml -cp 'api-node.jar:lib/*' dev.gridcommerce.api.ApiNodeApplication --commerce.grid.mode=client"]
