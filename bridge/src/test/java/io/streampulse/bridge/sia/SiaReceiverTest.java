package io.streampulse.bridge.sia;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.support.ThreadRecordingClock;
import io.streampulse.shared.config.ReceiversSection.Sia.Format;
import io.streampulse.shared.config.ReceiversSection.Sia.Transport;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.streampulse.bridge.sia.SiaEventCodesTest.event;
import static io.streampulse.bridge.sia.SiaEventCodesTest.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SiaReceiver against a fake DC-09 receiver on real sockets. */
class SiaReceiverTest {

    /** For the tests that wait out a timeout; the others allow a slow answer (a loaded CI machine). */
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration PATIENT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSiaReceiver fake;
    private Duration attemptTimeout = PATIENT;
    private SiaReceiver sender;
    /** Every test but the wrong-key one expects each frame to pass the fake's checks, pysiaalarm's grammar included. */
    private boolean expectRejections;

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeSiaReceiver(null);
    }

    @AfterEach
    void stop() throws IOException {
        if (sender != null) {
            sender.close();
        }
        fake.close();
        if (!expectRejections) {
            assertEquals(List.of(), fake.rejected());
        }
    }

    @Test
    void deliver_tcp_acknowledged() {
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.OPEN, false, 5);
        assertEquals(new Delivery("sia", "ev-1", true, "ACK seq 0001", 1, delivery.atMillis()), delivery);
        SiaFrame frame = only(fake.received()).frame();
        assertEquals(SiaFrame.SIA_DCS, frame.id());
        assertEquals("#1234|Nri1/BA005", frame.data());
        assertEquals("0", frame.receiver());
        assertEquals("0", frame.line());
        assertEquals("1234", frame.account());
    }

    @Test
    void deliverOnCaller_tcp_exchangeRunsOnTheCallersThread() {
        ThreadRecordingClock clock = new ThreadRecordingClock();
        sender = new SiaReceiver(settings(Transport.TCP, fake.tcpPort(), null, Format.SIA_DCS, Duration.ZERO), clock);

        Delivery delivery = sender.deliverOnCaller(event(AlertCause.OPEN, false), mapping(5), WAIT);

        assertEquals(new Delivery("sia", "ev-1", true, "ACK seq 0001", 1, delivery.atMillis()), delivery);
        assertEquals(Set.of(Thread.currentThread().getName()), clock.drainReaders(),
                "the frame was timestamped or its answer handled on another thread");
        assertEquals("#1234|Nri1/BA005", only(fake.received()).frame().data());
    }

    @Test
    void deliverOnCaller_alongsideQueuedDeliveries_oneMessageAtATimeOnOneConnection() {
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        List<CompletableFuture<Delivery>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(sender.deliver(event(AlertCause.OPEN, false), mapping(1)));
            assertTrue(sender.deliverOnCaller(event(AlertCause.OPEN, true), mapping(2), WAIT).acknowledged());
        }
        queued.forEach(f -> assertTrue(f.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join().acknowledged()));

        assertEquals(1, fake.connectionsAccepted());
        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(),
                fake.received().stream().map(r -> r.frame().sequence()).sorted().toList());
    }

    @Test
    void deliverOnCaller_afterClose_refusedWithoutReconnecting() {
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        assertTrue(sender.deliverOnCaller(event(AlertCause.OPEN, false), mapping(1), WAIT).acknowledged());
        sender.close();

        Delivery late = sender.deliverOnCaller(event(AlertCause.OPEN, true), mapping(1), WAIT);

        assertFalse(late.acknowledged());
        assertEquals("SIA receiver is closed", late.answer());
        assertEquals(1, fake.received().size());
        assertEquals(1, fake.connectionsAccepted());
    }

    @Test
    void deliver_udp_acknowledged() {
        sender = start(Transport.UDP, null, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.LEAK, true, 9);
        assertTrue(delivery.acknowledged(), delivery.answer());
        assertEquals("ACK seq 0001", delivery.answer());
        assertEquals("UDP", only(fake.received()).transport());
        assertEquals("#1234|Nri1/WH009", only(fake.received()).frame().data());
    }

    @Test
    void deliver_encryptedAes128Tcp_roundTrip() throws IOException {
        assertEncryptedRoundTrip(SiaVectors.KEY_128, Transport.TCP, Format.SIA_DCS, "#1234|Nri1/FA003");
    }

    @Test
    void deliver_encryptedAes192Tcp_roundTrip() throws IOException {
        assertEncryptedRoundTrip("0F".repeat(24), Transport.TCP, Format.SIA_DCS, "#1234|Nri1/FA003");
    }

    @Test
    void deliver_encryptedAes256Udp_roundTrip() throws IOException {
        assertEncryptedRoundTrip(SiaVectors.KEY_256, Transport.UDP, Format.ADM_CID, "#1234|1111 01 003");
    }

    /** A smoke alarm in zone 3, encrypted with {@code key} both ends: ACKed (encrypted), decrypted by the fake. */
    private void assertEncryptedRoundTrip(String key, Transport transport, Format format, String expectedData)
            throws IOException {
        restartFake(key);
        sender = start(transport, key, format, Duration.ZERO);
        assertEquals("ACK seq 0001", deliver(AlertCause.SMOKE, false, 3).answer());
        FakeSiaReceiver.Received received = only(fake.received());
        assertTrue(received.encrypted());
        assertEquals(expectedData, received.frame().data());
    }

    @Test
    void deliver_wrongKey_receiverRejectsAndTimesOut() throws IOException {
        expectRejections = true;
        restartFake(SiaVectors.KEY_256);
        attemptTimeout = TIMEOUT;
        sender = start(Transport.UDP, SiaVectors.KEY_128, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.OPEN, false, 1);
        assertFalse(delivery.acknowledged());
        assertEquals("timeout after 300 ms (3 attempts)", delivery.answer());
        assertTrue(fake.rejected().get(0).contains("wrong key?"), fake.rejected().toString());
    }

    @Test
    void deliver_receiverClockAhead_nakThenResendWithReceiverTime() {
        fake.clockOffset(Duration.ofMinutes(10));
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.MOTION, false, 2);
        assertTrue(delivery.acknowledged(), delivery.answer());
        assertEquals("NAK, resent with receiver time: ACK seq 0001", delivery.answer());
        assertEquals(2, delivery.attempts());
        List<FakeSiaReceiver.Received> received = fake.received();
        assertEquals(2, received.size());
        assertEquals(1, received.get(1).frame().sequence());
        Duration skew = Duration.between(received.get(1).frame().timestamp(), fake.now()).abs();
        assertTrue(skew.compareTo(Duration.ofSeconds(5)) < 0, "resend carries the receiver's time: " + skew);

        Delivery next = deliver(AlertCause.MOTION, true, 2);
        assertEquals("ACK seq 0002", next.answer(), "the learnt clock offset is kept");
    }

    @Test
    void deliver_nakTwice_notAcknowledged() {
        fake.nakNext(2);
        sender = start(Transport.UDP, null, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.OPEN, false, 2);
        assertFalse(delivery.acknowledged());
        assertEquals("NAK, resent with receiver time: NAK again (seq 0001)", delivery.answer());
    }

    @Test
    void deliver_duh_notUnderstood() {
        fake.answerDuh(true);
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.OPEN, false, 2);
        assertFalse(delivery.acknowledged());
        assertEquals("receiver did not understand (DUH seq 0001)", delivery.answer());
    }

    @Test
    void deliver_udpFirstDatagramLost_retransmittedWithSameSequence() {
        fake.dropNextDatagrams(1);
        sender = start(Transport.UDP, null, Format.SIA_DCS, Duration.ZERO);
        Delivery delivery = deliver(AlertCause.OPEN, false, 4);
        assertTrue(delivery.acknowledged(), delivery.answer());
        assertEquals("ACK seq 0001", delivery.answer());
        assertEquals(2, delivery.attempts());
        assertEquals(1, only(fake.received()).frame().sequence());
    }

    @Test
    void deliver_tcpClosedByReceiver_reconnectsAndDelivers() {
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        fake.closeAfterNextAnswer();
        assertEquals("ACK seq 0001", deliver(AlertCause.OPEN, false, 1).answer());
        Eventually.await(WAIT, "the receiver closed the first connection", () -> fake.connectionsAccepted() == 1);
        Delivery second = deliver(AlertCause.OPEN, true, 1);
        assertTrue(second.acknowledged(), second.answer());
        assertEquals("ACK seq 0002", second.answer());
        assertEquals(2, fake.connectionsAccepted());
    }

    @Test
    void deliver_tcpPersistent_oneConnectionForManyMessages() {
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            assertTrue(deliver(AlertCause.OPEN, i % 2 == 1, 1).acknowledged());
        }
        assertEquals(1, fake.connectionsAccepted());
        assertEquals(List.of(1, 2, 3, 4, 5), fake.received().stream().map(r -> r.frame().sequence()).toList());
    }

    @Test
    void deliver_silentReceiver_timeoutReportedWithoutBlockingCaller() {
        fake.silent(true);
        attemptTimeout = TIMEOUT;
        sender = start(Transport.TCP, null, Format.SIA_DCS, Duration.ZERO);
        long start = System.nanoTime();
        CompletableFuture<Delivery> pending = sender.deliver(event(AlertCause.OPEN, false), mapping(1));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "deliver returned before the first 300 ms attempt ended");
        Delivery delivery = pending.join();
        assertFalse(delivery.acknowledged());
        assertEquals("timeout after 300 ms (3 attempts)", delivery.answer());
        assertEquals(3, delivery.attempts());
        assertEquals(List.of(1, 1, 1), fake.received().stream().map(r -> r.frame().sequence()).toList());
        assertFalse(sender.status().healthy());
        assertEquals("timeout after 300 ms (3 attempts)", sender.status().lastError());
    }

    @Test
    void deliver_nothingListening_connectionFailureReported() {
        SiaSettings settings = settings(Transport.TCP, FreePorts.next(), null, Format.SIA_DCS, Duration.ZERO);
        sender = new SiaReceiver(settings, Clock.systemUTC());
        Delivery delivery = deliver(AlertCause.OPEN, false, 1);
        assertFalse(delivery.acknowledged());
        assertTrue(delivery.answer().startsWith("connection failed: Connection refused"), delivery.answer());
        assertTrue(delivery.answer().endsWith("(3 attempts)"), delivery.answer());
    }

    @Test
    void deliver_sequenceWrapsAfter9999() {
        sender = new SiaReceiver(settings(Transport.UDP, fake.udpPort(), null, Format.SIA_DCS, Duration.ZERO),
                Clock.systemUTC(), new SiaSequence(9998));
        assertEquals("ACK seq 9999", deliver(AlertCause.OPEN, false, 1).answer());
        assertEquals("ACK seq 0001", deliver(AlertCause.OPEN, true, 1).answer());
        assertEquals("ACK seq 0002", deliver(AlertCause.OPEN, false, 1).answer());
    }

    @Test
    void deliver_contactIdFormat_admCidFrame() {
        sender = start(Transport.TCP, null, Format.ADM_CID, Duration.ZERO);
        assertEquals("ACK seq 0001", deliver(AlertCause.OPEN, false, 15).answer());
        assertEquals("ACK seq 0002", deliver(AlertCause.OPEN, true, 15).answer());
        List<FakeSiaReceiver.Received> received = fake.received();
        assertEquals(SiaFrame.ADM_CID, received.get(0).frame().id());
        assertEquals("#1234|1131 01 015", received.get(0).frame().data());
        assertEquals("#1234|3131 01 015", received.get(1).frame().data());
    }

    @Test
    void supervision_idleLink_nullMessagesAtInterval() {
        Duration interval = Duration.ofMillis(200);
        sender = start(Transport.TCP, null, Format.SIA_DCS, interval);
        List<FakeSiaReceiver.Received> nulls = Eventually.await(WAIT, "three NULL messages", fake::received,
                list -> list.size() >= 3);
        for (int i = 0; i < 3; i++) {
            SiaFrame frame = nulls.get(i).frame();
            assertEquals(SiaFrame.NULL, frame.id());
            assertEquals("", frame.data());
            assertEquals("1234", frame.account());
            assertEquals(i + 1, frame.sequence());
        }
        long gap = nulls.get(2).atNanos() - nulls.get(1).atNanos();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(180), "gap " + gap / 1_000_000 + " ms");
        assertTrue(sender.status().healthy());
        assertTrue(sender.status().lastAnswer().startsWith("ACK seq "), sender.status().lastAnswer());
    }

    @Test
    void supervision_udp_nullMessagesArriveOverUdp() {
        sender = start(Transport.UDP, null, Format.SIA_DCS, Duration.ofMillis(150));
        List<FakeSiaReceiver.Received> nulls = Eventually.await(WAIT, "two NULL messages", fake::received,
                list -> list.size() >= 2);
        assertEquals("UDP", nulls.get(0).transport());
        assertEquals(SiaFrame.NULL, nulls.get(1).frame().id());
    }

    @Test
    void deliver_disabledOrUnconfigured_refusedWithReason() {
        SiaSettings enabled = settings(Transport.TCP, fake.tcpPort(), null, Format.SIA_DCS, Duration.ZERO);
        sender = new SiaReceiver(new SiaSettings(false, enabled.host(), enabled.port(), enabled.transport(),
                enabled.format(), enabled.account(), "0", "0", null, Duration.ZERO, TIMEOUT, 3), Clock.systemUTC());
        assertEquals("SIA receiver is disabled", deliver(AlertCause.OPEN, false, 1).answer());
        sender.close();
        sender = new SiaReceiver(new SiaSettings(true, enabled.host(), enabled.port(), enabled.transport(),
                enabled.format(), "", "0", "0", null, Duration.ZERO, TIMEOUT, 3), Clock.systemUTC());
        assertEquals("receivers.sia.account is not set", deliver(AlertCause.OPEN, false, 1).answer());
        assertTrue(fake.received().isEmpty());
    }

    private Delivery deliver(AlertCause cause, boolean restore, int zone) {
        return sender.deliver(event(cause, restore), mapping(zone)).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    private SiaReceiver start(Transport transport, String key, Format format, Duration supervision) {
        int port = transport == Transport.TCP ? fake.tcpPort() : fake.udpPort();
        return new SiaReceiver(settings(transport, port, key, format, supervision), Clock.systemUTC());
    }

    private SiaSettings settings(Transport transport, int port, String key, Format format,
                                 Duration supervision) {
        return new SiaSettings(true, "127.0.0.1", port, transport, format, "1234", "0", "0",
                key == null ? null : SiaCipher.fromHex(key), supervision, attemptTimeout, SiaSettings.DEFAULT_ATTEMPTS);
    }

    private void restartFake(String key) throws IOException {
        fake.close();
        fake = new FakeSiaReceiver(key);
    }

    private static <T> T only(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
