# Feedgram's image: built with the README's command, run on a JRE as a non-root user, from
# Spring Boot's layers so that a code change rebuilds the small application layer only.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package
# dependencies, spring-boot-loader, snapshot-dependencies, application: least to most often changed.
RUN java -Djarmode=tools -jar target/feedgram-*.jar extract --layers --launcher --destination target/layers

FROM eclipse-temurin:17-jre-jammy
# curl answers the health check; the other four are what the bundled ffmpeg links (feedgram.media.transcode).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libpulse0 libasound2 libxcb1 libxcb-shm0 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app feedgram
WORKDIR /app
COPY --from=build /src/target/layers/dependencies/ ./
COPY --from=build /src/target/layers/spring-boot-loader/ ./
COPY --from=build /src/target/layers/snapshot-dependencies/ ./
COPY --from=build /src/target/layers/application/ ./
# The flow and the documented defaults live beside the jar, where a user can read and change them.
COPY routes routes
COPY application.yaml application.yaml
RUN mkdir -p data/media && chown -R feedgram:feedgram data
USER feedgram
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
