# Feedgram's image: built with the README's command, run on a JRE as a non-root user, from
# Spring Boot's layers so that a code change rebuilds the small application layer only, and started
# the way README "Start faster" says: from the extracted jar, with a class data sharing archive
# written by a training run at build time, and with only the C1 compiler (docs/benchmark.md).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package
# dependencies (lib/), spring-boot-loader (empty: no launcher), snapshot-dependencies, application (feedgram.jar,
# whose manifest names the jars in lib/): least to most often changed.
RUN java -Djarmode=tools -jar target/feedgram-*.jar extract --layers --application-filename feedgram.jar --destination target/layers

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
# The training run: Feedgram starts until its context is refreshed (no route, no call to Instagram) and the JVM writes
# the classes it loaded to feedgram.jsa. Its database and key go to a folder that is deleted, not into the image. The
# archive is only valid for this JRE and these jars, which is why it is made here, in the image that uses it.
RUN java -XX:ArchiveClassesAtExit=feedgram.jsa -Dspring.context.exit=onRefresh -jar feedgram.jar \
      --spring.datasource.url=jdbc:h2:file:/tmp/training/feedgram --feedgram.security.key-file=/tmp/training/encryption.key \
      --feedgram.media.store=/tmp/training/media \
 && rm -rf /tmp/training
RUN mkdir -p data/media && chown -R feedgram:feedgram data
USER feedgram
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=feedgram.jsa", "-XX:TieredStopAtLevel=1", "-jar", "feedgram.jar"]
