# StreamPulse: one image, five services and redis-server under supervisord.
# Every stage starts FROM debian:bookworm-slim so it builds with Docker anywhere and with podman from a local
# debootstrapped base where no registry is reachable (tests/container/run-container-test.sh).

FROM debian:bookworm-slim AS build
# Behind a TLS-intercepting proxy, mount its CA truststore and pass e.g.
# --build-arg MAVEN_OPTS=-Djavax.net.ssl.trustStore=/run/proxy-cacerts (tests/container does this).
ARG MAVEN_OPTS=""
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# POMs first: the dependency download is cached until a POM changes.
COPY pom.xml ./
COPY shared/pom.xml shared/
COPY testkit/pom.xml testkit/
COPY monitor/pom.xml monitor/
COPY webgui/pom.xml webgui/
COPY publisher/pom.xml publisher/
COPY bridge/pom.xml bridge/
COPY streamer/pom.xml streamer/
COPY suite-tests/pom.xml suite-tests/
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -q -DskipTests package \
 && mkdir -p /out/lib \
 && for s in monitor webgui publisher bridge streamer; do cp "$s/target/$s.jar" /out/lib/; done

FROM debian:bookworm-slim
# JRE for the services; supervisor and redis-server; fonts and the system libraries javacv's FFmpeg links to
# (libavdevice needs xcb, ALSA and PulseAudio client libraries even when unused); curl for the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless supervisor redis-server fonts-dejavu-core fontconfig \
      libxcb1 libxcb-shm0 libasound2 libpulse0 curl ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /host --shell /usr/sbin/nologin streampulse
WORKDIR /app
COPY --from=build /out/lib/ /app/lib/
COPY entrypoint.sh supervisord.conf config.yaml /app/
COPY bin/ /app/bin/
ENV STREAMPULSE_CONFIG=/host/config.yaml \
    STREAMPULSE_DATA=/host \
    STREAMPULSE_USER=streampulse \
    STREAMPULSE_LIB=/app/lib
# Class-data-sharing archives for the five jars, made once here so every container start is faster.
RUN STREAMPULSE_DATA=/tmp/cds-train /app/bin/cds-archive && rm -rf /tmp/cds-train
VOLUME /host
# monitor, webgui, publisher, bridge, streamer HTTP/ONVIF, streamer RTSP, WS-Discovery
EXPOSE 7000 8000 7100 7200 8080 8554 3702/udp
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["/app/bin/healthcheck"]
# Starts as root only to hand the volume to the streampulse user, then drops privileges (entrypoint.sh).
ENTRYPOINT ["/app/entrypoint.sh"]
