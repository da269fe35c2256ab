# The grid-node image: a Hazelcast member with the project's MapStores, configured by
# config/hazelcast-grid.yaml (copied in) and the environment (HZ_*, COMMERCE_*). Built where a
# Docker engine runs, from the project's root after `mvn -DskipTests package`:
#   docker build -f images/grid-node.Dockerfile -t registry.example.com/commerce/grid-node:1.0.0 .
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 commerce
WORKDIR /app
COPY grid-node/target/lib/ lib/
COPY grid-node/target/grid-node.jar grid-node.jar
COPY config/hazelcast-grid.yaml config/logback-grid.xml config/hazelcast.jvmopts config/
USER 10001
EXPOSE 5701 7701
# exec: the JVM is PID 1 and gets Kubernetes' SIGTERM, which shuts the member down gracefully
ENTRYPOINT ["sh", "-c", "exec java @config/hazelcast.jvmopts --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Dhazelcast.config=config/hazelcast-grid.yaml -Dlogback.configurationFile=config/logback-grid.xml -cp 'grid-node.jar:lib/*' dev.gridcommerce.grid.GridMember"]
