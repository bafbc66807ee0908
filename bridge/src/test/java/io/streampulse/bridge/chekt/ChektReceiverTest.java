package io.streampulse.bridge.chekt;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.support.ThreadRecordingClock;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.Secret;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChektReceiverTest {

    private static final String TOKEN = "s3cret";
    private static final ChektRetry FAST = new ChektRetry(3, Duration.ofMillis(20));
    private static final AlertEvent DOOR_OPEN = new AlertEvent("ev-1", "d-door", "Front door", DeviceKind.DOOR,
            AlertCause.OPEN, false, 1L);
    private static final AlertEvent DOOR_CLOSED = new AlertEvent("ev-2", "d-door", "Front door", DeviceKind.DOOR,
            AlertCause.OPEN, true, 2L);
    private static final DeviceMapping ZONE_3 = mapping(Optional.of(3));

    private FakeChektBridge bridge;

    @AfterEach
    void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    private static DeviceMapping mapping(Optional<Integer> chektZone) {
        return new DeviceMapping("d-door", "Front door", chektZone, Optional.empty(), Optional.empty(), 0,
                List.of("chekt"));
    }

    private static ChektReceiver receiver(String url, String token, int timeoutSeconds, ChektRetry retry) {
        ReceiversSection.Chekt config = config(url, token, timeoutSeconds);
        return new ChektReceiver(() -> config, ChektReceiver.defaultClient(), retry, Clock.systemUTC());
    }

    private static ReceiversSection.Chekt config(String url, String token, int timeoutSeconds) {
        return new ReceiversSection.Chekt(true, url, new Secret(token, false), timeoutSeconds);
    }

    private static Delivery await(CompletableFuture<Delivery> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void lanes_oneZoneAlwaysInTheSameLane_zonesSpreadOverLanes() {
        ChektReceiver chekt = receiver("http://127.0.0.1:1", TOKEN, 5, FAST);
        assertEquals(chekt.lane(mapping(Optional.of(1))), chekt.lane(mapping(Optional.of(1 + ChektReceiver.LANES))));
        assertEquals(ChektReceiver.LANES, java.util.stream.IntStream.rangeClosed(1, 100)
                .map(zone -> chekt.lane(mapping(Optional.of(zone)))).distinct().count());
        assertEquals(0, chekt.lane(mapping(Optional.empty())), "no zone: refused in lane 0 without a request");
    }

    @Test
    void deliver_alarmThenRestore_arriveWithZoneTextAndAuth() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        ChektReceiver chekt = receiver(bridge.url(), TOKEN, 5, FAST);

        Delivery alarm = await(chekt.deliver(DOOR_OPEN, ZONE_3));
        Delivery restore = await(chekt.deliver(DOOR_CLOSED, ZONE_3));

        assertEquals(new Delivery("chekt", "ev-1", true, "HTTP 200 {\"result\":\"ok\"}", 1, alarm.atMillis()), alarm);
        assertTrue(restore.acknowledged(), restore.answer());
        assertEquals(List.of(
                new FakeChektBridge.Event("3", "Door opened (Front door)", "Basic YXBpa2V5OnMzY3JldA=="),
                new FakeChektBridge.Event("3", "Door closed (Front door)", "Basic YXBpa2V5OnMzY3JldA==")),
                bridge.accepted());
    }

    @Test
    void deliverOnCaller_alarm_postedAndAnsweredOnTheCallersThread() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        ThreadRecordingClock clock = new ThreadRecordingClock();
        ChektReceiver chekt = new ChektReceiver(() -> config(bridge.url(), TOKEN, 5), ChektReceiver.defaultClient(),
                FAST, clock);
        clock.drainReaders();

        Delivery delivery = chekt.deliverOnCaller(DOOR_OPEN, ZONE_3, Duration.ofSeconds(10));

        assertEquals(new Delivery("chekt", "ev-1", true, "HTTP 200 {\"result\":\"ok\"}", 1, delivery.atMillis()),
                delivery);
        assertEquals(Set.of(Thread.currentThread().getName()), clock.drainReaders(),
                "the answer was handled on another thread");
        assertEquals(1, bridge.accepted().size());
    }

    @Test
    void deliverOnCaller_manyEvents_noThreadStartedPerAnswer() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        ChektReceiver chekt = receiver(bridge.url(), TOKEN, 5, FAST);
        chekt.deliverOnCaller(DOOR_OPEN, ZONE_3, Duration.ofSeconds(10)); // the client's own threads start here
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();

        for (int i = 0; i < 100; i++) {
            assertTrue(chekt.deliverOnCaller(i % 2 == 0 ? DOOR_CLOSED : DOOR_OPEN, ZONE_3, Duration.ofSeconds(10))
                    .acknowledged());
        }

        // sendAsync hands each response to the common pool, which is a new thread per task on 2 cores or fewer
        long started = threads.getTotalStartedThreadCount() - before;
        assertTrue(started < 20, started + " threads started for 100 answers");
    }

    @Test
    void deliverOnCaller_manyEvents_oneKeptConnectionPerLaneWithoutTheJdkClient() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        AtomicInteger clientTasks = new AtomicInteger();
        HttpClient counted = HttpClient.newBuilder()
                .executor(task -> {
                    clientTasks.incrementAndGet();
                    new Thread(task).start();
                }).build();
        ChektReceiver chekt = new ChektReceiver(() -> config(bridge.url(), TOKEN, 5), counted, FAST,
                Clock.systemUTC());

        for (int i = 0; i < 20; i++) {
            assertTrue(chekt.deliverOnCaller(i % 2 == 0 ? DOOR_OPEN : DOOR_CLOSED, ZONE_3, Duration.ofSeconds(10))
                    .acknowledged());
        }
        assertTrue(chekt.deliverOnCaller(DOOR_OPEN, mapping(Optional.of(4)), Duration.ofSeconds(10)).acknowledged());

        assertEquals(21, bridge.accepted().size());
        assertEquals(2, bridge.connections(), "one kept-alive connection per lane (zones 3 and 4)");
        assertEquals(0, clientTasks.get(), "the JDK HttpClient handled a lane's request");
    }

    @Test
    void deliverOnCaller_bridgeClosesAfterEachAnswer_reconnectsForTheNext() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        bridge.closeAfterEachAnswer();
        ChektReceiver chekt = receiver(bridge.url(), TOKEN, 5, FAST);

        for (int i = 0; i < 3; i++) {
            Delivery delivery = chekt.deliverOnCaller(DOOR_OPEN, ZONE_3, Duration.ofSeconds(10));
            assertTrue(delivery.acknowledged(), delivery.answer());
            assertEquals(1, delivery.attempts());
        }

        assertEquals(3, bridge.connections());
        assertEquals(3, bridge.accepted().size());
    }

    @Test
    void deliverOnCaller_bridgeHangs_sameTimeoutAnswerAsDeliver() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        bridge.answerNext(2, 0);

        Delivery delivery = receiver(bridge.url(), TOKEN, 1, new ChektRetry(2, Duration.ofMillis(20)))
                .deliverOnCaller(DOOR_OPEN, ZONE_3, Duration.ofSeconds(10));

        assertFalse(delivery.acknowledged());
        assertEquals(2, delivery.attempts());
        assertEquals("no answer from " + bridge.url() + "/api/v1/events within 1 s", delivery.answer());
    }

    @Test
    void deliverOnCaller_bridgeAnswers500Twice_retriedOnTheCallerThenAcknowledged() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        bridge.answerNext(2, 500);

        Delivery delivery = receiver(bridge.url(), TOKEN, 5, FAST).deliverOnCaller(DOOR_OPEN, ZONE_3,
                Duration.ofSeconds(10));

        assertTrue(delivery.acknowledged(), delivery.answer());
        assertEquals(3, delivery.attempts());
        assertEquals(3, bridge.requests());
    }

    @Test
    void deliverOnCaller_nobodyListening_sameAnswerAsDeliver() throws Exception {
        String url = "http://127.0.0.1:" + FreePorts.next();
        ChektReceiver chekt = receiver(url, TOKEN, 5, FAST);

        Delivery here = chekt.deliverOnCaller(DOOR_OPEN, ZONE_3, Duration.ofSeconds(10));

        assertFalse(here.acknowledged());
        assertEquals(3, here.attempts());
        assertEquals(await(chekt.deliver(DOOR_OPEN, ZONE_3)).answer(), here.answer());
        assertEquals("connection refused by " + url + "/api/v1/events (is the CHEKT bridge running?)",
                here.answer());
    }

    @Test
    void deliver_bridgeAnswers500Once_isRetriedAndAcknowledged() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        bridge.answerNext(1, 500);

        Delivery delivery = await(receiver(bridge.url(), TOKEN, 5, FAST).deliver(DOOR_OPEN, ZONE_3));

        assertTrue(delivery.acknowledged(), delivery.answer());
        assertEquals(2, delivery.attempts());
        assertEquals(1, bridge.accepted().size());
    }

    @Test
    void deliver_bridgeAlways500_givesUpAfterTheBoundedAttempts() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        bridge.answerNext(99, 503);

        Delivery delivery = await(receiver(bridge.url(), TOKEN, 5, FAST).deliver(DOOR_OPEN, ZONE_3));

        assertFalse(delivery.acknowledged());
        assertEquals(3, delivery.attempts());
        assertEquals(3, bridge.requests());
        assertEquals("HTTP 503 {\"error\":\"scripted failure\"}", delivery.answer());
    }

    @Test
    void deliver_bridgeHangs_reportsTheTimeoutWithoutBlockingTheCaller() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        bridge.answerNext(99, 0);
        ChektReceiver chekt = receiver(bridge.url(), TOKEN, 1, new ChektRetry(2, Duration.ofMillis(20)));

        CompletableFuture<Delivery> future = chekt.deliver(DOOR_OPEN, ZONE_3);
        assertFalse(future.isDone(), "deliver returned before the bridge answered");
        Delivery delivery = await(future);

        assertFalse(delivery.acknowledged());
        assertEquals(2, delivery.attempts());
        assertEquals("no answer from " + bridge.url() + "/api/v1/events within 1 s", delivery.answer());
    }

    @Test
    void deliver_wrongToken_401IsNotRetriedAndSaysWhatToFix() throws Exception {
        bridge = new FakeChektBridge(TOKEN);

        Delivery delivery = await(receiver(bridge.url(), "wrong", 5, FAST).deliver(DOOR_OPEN, ZONE_3));

        assertFalse(delivery.acknowledged());
        assertEquals(1, delivery.attempts());
        assertEquals(1, bridge.requests());
        assertEquals("HTTP 401 {\"error\":\"unauthorized\"}: the CHEKT bridge refused the API token"
                + " (check receivers.chekt.api_token)", delivery.answer());
    }

    @Test
    void deliver_deviceWithoutZone_isAClearNackAndNoRequest() throws Exception {
        bridge = new FakeChektBridge(TOKEN);

        Delivery delivery = await(receiver(bridge.url(), TOKEN, 5, FAST).deliver(DOOR_OPEN,
                mapping(Optional.empty())));

        assertFalse(delivery.acknowledged());
        assertEquals("no CHEKT zone mapped for device d-door (devices.d-door.chekt_zone)", delivery.answer());
        assertEquals(0, bridge.requests());
    }

    @Test
    void deliver_eventWithoutCause_isANackNotAThrow() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        AlertEvent broken = new AlertEvent("ev-x", "d-door", "", DeviceKind.DOOR, null, false, 1L);

        Delivery delivery = await(receiver(bridge.url(), TOKEN, 5, FAST).deliver(broken, ZONE_3));

        assertFalse(delivery.acknowledged());
        assertEquals("cannot describe event ev-x (kind DOOR, cause null) for CHEKT", delivery.answer());
    }

    @Test
    void deliver_nobodyListening_reportsConnectionRefusedAfterRetries() throws Exception {
        String url = "http://127.0.0.1:" + FreePorts.next();

        Delivery delivery = await(receiver(url, TOKEN, 5, FAST).deliver(DOOR_OPEN, ZONE_3));

        assertFalse(delivery.acknowledged());
        assertEquals(3, delivery.attempts());
        assertEquals("connection refused by " + url + "/api/v1/events (is the CHEKT bridge running?)",
                delivery.answer());
    }

    @Test
    void sendTest_zone_postsTheTestTextAndReturnsTheAnswer() throws Exception {
        bridge = new FakeChektBridge("");

        Delivery delivery = await(receiver(bridge.url(), "", 5, FAST).sendTest(7));

        assertEquals("HTTP 200 {\"result\":\"ok\"}", delivery.answer());
        assertEquals(List.of(new FakeChektBridge.Event("7", ChektEventText.TEST, null)), bridge.accepted());
    }

    @Test
    void details_afterAFailureThenSuccess_showLastAnswerAndLastError() throws Exception {
        bridge = new FakeChektBridge(TOKEN);
        ChektReceiver chekt = receiver(bridge.url(), TOKEN, 5, FAST);

        await(chekt.deliver(DOOR_OPEN, mapping(Optional.empty())));
        assertFalse(chekt.healthy());
        await(chekt.deliver(DOOR_OPEN, ZONE_3));

        assertTrue(chekt.healthy());
        assertEquals("HTTP 200 {\"result\":\"ok\"}", chekt.details().get("last_answer"));
        assertEquals("no CHEKT zone mapped for device d-door (devices.d-door.chekt_zone)",
                chekt.details().get("last_error"));
    }
}
