# The cloud simulator (AWS SSM, Organizations, STS, IAM and the four clouds' identity services) for the demo
# profile. The build leaves a runnable jar with its runtime classpath in cloud-simulator/target/{cloud-simulator.jar,lib/}
# (its manifest names CloudSimulatorMain and lib/*). The build context is the repository root.
#   docker build -f compose/cloud-simulator.Dockerfile -t crosspatch/cloud-simulator .
FROM eclipse-temurin:17-jre

# curl answers the health check and copies the trust anchors out of the running simulator (see the entrypoint).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY cloud-simulator/target/cloud-simulator.jar /app/cloud-simulator.jar
COPY cloud-simulator/target/lib/ /app/lib/
COPY compose/cloud-simulator-entrypoint.sh /app/entrypoint.sh

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 4566
ENTRYPOINT ["/app/entrypoint.sh"]
