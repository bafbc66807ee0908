# StreamPulse: one image, five services and redis-server under supervisord.
# Every stage starts FROM debian:bookworm-slim: it builds with Docker anywhere, and with podman from a local
# debootstrapped base where no registry is reachable (tests/container/run-container-test.sh).
#   docker build -t streampulse:latest .      (or: docker compose up -d --build)

# ---- build: the five shaded jars ----------------------------------------------------------------------------
FROM debian:bookworm-slim AS build
# Behind a TLS-intercepting proxy, mount its CA truststore and pass e.g.
# --build-arg MAVEN_OPTS=-Djavax.net.ssl.trustStore=/run/host-cacerts (tests/container does this). Empty: the
# JDK's own trust store (ca-certificates-java) is used.
ARG MAVEN_OPTS=""
# mkdir: the slim image has no man directories, and openjdk's postinst fails when update-alternatives cannot
# link its man page into /usr/share/man/man1 (the page itself is still left out by the slim dpkg config).
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jdk-headless maven ca-certificates ca-certificates-java \
 && apt-get clean && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# POMs first, so the dependency download below stays cached until a POM changes. Every reactor module needs its
# POM here (a module added to the root POM needs a line too).
COPY pom.xml ./
COPY shared/pom.xml shared/
COPY testkit/pom.xml testkit/
COPY monitor/pom.xml monitor/
COPY webgui/pom.xml webgui/
COPY publisher/pom.xml publisher/
COPY bridge/pom.xml bridge/
COPY streamer/pom.xml streamer/
COPY suite-tests/pom.xml suite-tests/
ARG APPS=monitor,webgui,publisher,bridge,streamer
# Dependencies first, cached until a POM changes: test-compile of the POM-only reactor resolves every module's
# compile, runtime and test dependencies (there is nothing to compile yet; dependency:go-offline cannot do this,
# it fails on the reactor's own modules). The packaging plugins and annotation processors come with the real
# build. Best effort: if it fails, the package step below fetches everything and reports the real error.
RUN { mvn -B -ntp -q -DskipTests -pl "$APPS" -am test-compile \
      || echo "dependency pre-fetch failed; the package step fetches the dependencies"; } \
 && rm -rf ./*/target
COPY . .
# The five apps and what they depend on (suite-tests holds only tests). Tests run in CI, not here.
RUN mvn -B -ntp -DskipTests -pl "$APPS" -am package \
 && mkdir -p /out/lib \
 && for s in monitor webgui publisher bridge streamer; do cp "$s/target/$s.jar" /out/lib/; done

# ---- runtime ------------------------------------------------------------------------------------------------
FROM debian:bookworm-slim
# JRE for the services (ca-certificates-java: Java's trust store for YoLink's HTTPS and MQTT over TLS);
# supervisor and redis-server; fonts + fontconfig for Java2D (the streamer draws the dashboard); the system
# libraries javacv's FFmpeg links to (libavdevice loads xcb, ALSA and PulseAudio client libraries even unused);
# curl for the health check; tzdata so TZ works. setpriv (util-linux) is part of the base. mkdir: see above.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless ca-certificates ca-certificates-java supervisor redis-server \
      fonts-dejavu-core fontconfig libxcb1 libxcb-shm0 libasound2 libpulse0 libstdc++6 libgcc-s1 \
      curl tzdata \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /host --no-create-home --shell /usr/sbin/nologin \
      streampulse
WORKDIR /app
COPY --from=build /out/lib/ /app/lib/
COPY entrypoint.sh supervisord.conf config.yaml /app/
COPY bin/ /app/bin/
# The runtime contract (bin/streampulse-env.sh): config and data on the host volume, services as streampulse.
# C.UTF-8 so the JVM reads and writes non-ASCII names (cameras, files) as UTF-8.
ENV STREAMPULSE_CONFIG=/host/config.yaml \
    STREAMPULSE_DATA=/host \
    STREAMPULSE_USER=streampulse \
    STREAMPULSE_LIB=/app/lib \
    LANG=C.UTF-8
# Class-data-sharing archives for the five jars (bin/cds-archive), made once here so every start is faster.
RUN chmod 0755 /app/entrypoint.sh /app/bin/* \
 && STREAMPULSE_DATA=/tmp/cds-train /app/bin/cds-archive \
 && rm -rf /tmp/cds-train
VOLUME /host
# monitor, webgui, publisher, bridge, streamer HTTP/ONVIF, streamer RTSP, WS-Discovery
EXPOSE 7000 8000 7100 7200 8080 8554 3702/udp
# All five /health must answer 200. Kept in the image only in Docker format (podman build --format docker).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["/app/bin/healthcheck"]
# Starts as root only to hand the volume to the streampulse user, then drops privileges and execs supervisord,
# which stays PID 1 and stops the services cleanly on SIGTERM (docker stop).
ENTRYPOINT ["/app/entrypoint.sh"]
