package io.streampulse.bridge.yolink.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientReconnector;
import io.streampulse.bridge.yolink.RetryBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one MQTT session with YoLink's broker (MQTT 3.1.1, keepalive 60, username = access token, empty password,
 * client id a fresh UUID; anchors §4.1), subscribed to {@code yl-home/<homeId>/+/report}. One client object, so
 * there is never more than one connection; every (re)connect takes the newest token; retries back off with jitter
 * and stay within YoLink's 10 connections per 5 minutes. A renewed token makes it reconnect at once.
 * Messages are handed over in arrival order on the caller's single delivery thread.
 */
public final class YoLinkMqttSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YoLinkMqttSubscriber.class);
    public static final int KEEPALIVE_SECONDS = 60;
    public static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(2));
    private static final byte[] NO_PASSWORD = new byte[0];

    private final String broker;
    private final String topic;
    private final Supplier<String> token;
    private final RetryBackoff backoff;
    private final ConnectLimiter limiter;
    private final LongSupplier clock;
    private final Mqtt3AsyncClient client;
    private final Executor delivery;
    private final BiConsumer<String, String> messages;
    private volatile MqttStatus status;
    private volatile boolean reconnectForToken;
    private volatile boolean closed;
    private volatile String lastLoggedReason = "";
    private volatile String connectingWith = "";
    private volatile long connects;

    /**
     * @param token    the access token to connect with now (called on each attempt; must not block)
     * @param delivery where {@code messages} is called, in arrival order (a single thread)
     */
    public YoLinkMqttSubscriber(String host, int port, String homeId, Supplier<String> token,
                                BiConsumer<String, String> messages, Executor delivery, RetryBackoff backoff,
                                ConnectLimiter limiter, LongSupplier clock) {
        this.broker = host + ":" + port;
        this.topic = "yl-home/" + homeId + "/+/report";
        this.token = token;
        this.delivery = delivery;
        this.messages = messages;
        this.backoff = backoff;
        this.limiter = limiter;
        this.clock = clock;
        this.status = new MqttStatus(MqttStatus.State.CONNECTING, broker, "", clock.getAsLong(), 0, 0);
        this.client = MqttClient.builder().useMqttVersion3()
                .identifier(UUID.randomUUID().toString())
                .serverHost(host).serverPort(port)
                .addConnectedListener(context -> connected())
                .addDisconnectedListener(this::disconnected)
                .buildAsync();
    }

    public void start() {
        long at = clock.getAsLong();
        limiter.record(at);
        LOG.info("YoLink MQTT connecting to {} for {}", broker, topic);
        connectingWith = token.get();
        client.connectWith().simpleAuth().username(connectingWith).password(NO_PASSWORD).applySimpleAuth()
                .keepAlive(KEEPALIVE_SECONDS).cleanSession(true).send();
    }

    /** A new access token: the broker knows us by the old one, so reconnect with the new one now. */
    public void tokenRenewed() {
        if (closed || !client.getState().isConnected()) {
            return; // the next attempt takes the new token anyway
        }
        LOG.info("YoLink MQTT reconnecting to {} with the renewed access token", broker);
        reconnectForToken = true;
        client.disconnect();
    }

    public MqttStatus status() {
        return status;
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        closed = true;
        status = new MqttStatus(MqttStatus.State.STOPPED, broker, "", clock.getAsLong(), connects, 0);
        CompletableFuture<Void> done = client.getState().isConnectedOrReconnect() ? client.disconnect()
                : CompletableFuture.completedFuture(null);
        try {
            done.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("YoLink MQTT disconnect from {} did not finish cleanly: {}", broker, e.toString());
        }
    }

    private synchronized void connected() {
        if (closed) {
            client.disconnect();
            return;
        }
        connects++;
        lastLoggedReason = "";
        long connected = connects;
        LOG.info("YoLink MQTT connected to {}; subscribing to {}", broker, topic);
        // the callback belongs to this subscription: a clean session ends hivemq's global publish flows with it
        client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).callback(publish -> {
            String from = publish.getTopic().toString();
            String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
            delivery.execute(() -> messages.accept(from, payload));
        }).send().whenComplete((ack, error) -> {
            if (error != null || connected != connects) {
                if (error != null && !closed) {
                    LOG.warn("YoLink MQTT subscribe to {} failed: {}", topic, error.getMessage());
                }
                return;
            }
            // connected means subscribed: only from now on can events arrive
            status = new MqttStatus(MqttStatus.State.CONNECTED, broker, "", clock.getAsLong(), connected, 0);
        });
        if (!connectingWith.equals(token.get())) {
            tokenRenewed(); // renewed while this attempt waited with the old one
        }
    }

    private synchronized void disconnected(MqttClientDisconnectedContext context) {
        boolean forToken = reconnectForToken && context.getSource() == MqttDisconnectSource.USER;
        reconnectForToken = false;
        if (closed || (context.getSource() == MqttDisconnectSource.USER && !forToken)) {
            context.getReconnector().reconnect(false);
            return;
        }
        long now = clock.getAsLong();
        int failed = forToken ? 0 : context.getReconnector().getAttempts() + 1;
        long delay = forToken ? 0 : backoff.delay(failed - 1, ThreadLocalRandom.current().nextDouble()).toMillis();
        delay = Math.max(delay, limiter.waitMillis(now + delay));
        limiter.record(now + delay);
        String reason = forToken ? "access token renewed" : describe(context.getCause());
        status = new MqttStatus(forToken ? MqttStatus.State.CONNECTING : MqttStatus.State.RETRYING, broker, reason,
                now, connects, failed);
        if (!forToken && !reason.equals(lastLoggedReason)) {
            LOG.warn("YoLink MQTT {}: {}; reconnecting in {} ms", broker, reason, delay);
            lastLoggedReason = reason;
        }
        // we subscribe ourselves on every connect; each attempt carries the token current at that moment
        connectingWith = token.get();
        Mqtt3ClientReconnector reconnector = ((Mqtt3ClientDisconnectedContext) context).getReconnector();
        reconnector.reconnect(true).resubscribeIfSessionExpired(false).republishIfSessionExpired(false)
                .delay(delay, TimeUnit.MILLISECONDS)
                .connectWith().simpleAuth().username(connectingWith).password(NO_PASSWORD).applySimpleAuth()
                .keepAlive(KEEPALIVE_SECONDS).cleanSession(true).applyConnect();
    }

    private static String describe(Throwable cause) {
        if (cause instanceof Mqtt3ConnAckException refused) {
            return "broker refused the connection (" + refused.getMqttMessage().getReturnCode()
                    + "): is the YoLink access token still valid?";
        }
        if (cause instanceof ConnectException || cause != null && cause.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        return cause == null ? "disconnected" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
