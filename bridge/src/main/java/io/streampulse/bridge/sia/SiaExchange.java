package io.streampulse.bridge.sia;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Sends one message and acts on the answer: ACK/RSP accepted; NAK resent once with the receiver's time as
 * timestamp; DUH refused; no answer within the timeout retransmitted (same sequence) up to the attempt bound, the
 * connection reset in between. Answers that fail their CRC or refer to another sequence are ignored.
 */
final class SiaExchange {

    /** What happened to one message. {@code receiverTime} is set when a NAK told us the receiver's clock. */
    record Result(boolean acknowledged, String answer, int attempts, Instant receiverTime) {
    }

    private final SiaLink link;
    private final SiaSettings settings;
    private final RandomGenerator random;
    private String rejectedAnswer;

    SiaExchange(SiaLink link, SiaSettings settings, RandomGenerator random) {
        this.link = link;
        this.settings = settings;
        this.random = random;
    }

    Result send(SiaFrame message) {
        SiaFrame frame = message;
        String prefix = "";
        Instant receiverTime = null;
        String lastFailure = "no answer";
        int transmissions = 0;
        int failedAttempts = 0;
        rejectedAnswer = null;
        while (failedAttempts < settings.attempts()) {
            transmissions++;
            SiaAnswer answer;
            try {
                link.send(encode(frame));
                answer = awaitAnswer(frame.sequence());
            } catch (SocketTimeoutException e) {
                lastFailure = "timeout after " + describe(settings.timeout())
                        + (rejectedAnswer == null ? "" : ", answer rejected: " + rejectedAnswer);
                failedAttempts++;
                link.reset();
                continue;
            } catch (IOException e) {
                lastFailure = "connection failed: " + e.getMessage();
                failedAttempts++;
                link.reset();
                continue;
            }
            String seq = "seq " + SiaDigits.decimal(frame.sequence(), 4);
            switch (answer.kind()) {
                case ACK, RSP -> {
                    return new Result(true, prefix + answer.kind() + " " + seq, transmissions, receiverTime);
                }
                case DUH -> {
                    return new Result(false, prefix + "receiver did not understand (DUH " + seq + ")",
                            transmissions, receiverTime);
                }
                case NAK -> {
                    if (!prefix.isEmpty() || answer.receiverTime() == null) {
                        String why = prefix.isEmpty() ? "NAK without the receiver's time" : "NAK again";
                        return new Result(false, prefix + why + " (" + seq + ")", transmissions, receiverTime);
                    }
                    receiverTime = answer.receiverTime();
                    frame = frame.at(receiverTime);
                    prefix = "NAK, resent with receiver time: ";
                }
            }
        }
        return new Result(false, prefix + lastFailure + " (" + transmissions + " attempts)", transmissions,
                receiverTime);
    }

    private String encode(SiaFrame frame) {
        return settings.cipher() == null ? SiaFrameEncoder.encode(frame)
                : SiaFrameEncoder.encode(frame, settings.cipher(), random);
    }

    private SiaAnswer awaitAnswer(int sequence) throws IOException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SocketTimeoutException("no answer");
            }
            String text = link.receive(Duration.ofNanos(remaining));
            try {
                SiaAnswer answer = SiaAnswer.decode(text, settings.cipher());
                if (answer.answers(sequence)) {
                    return answer;
                }
            } catch (SiaFrameException e) {
                rejectedAnswer = e.getMessage(); // counts as no answer: keep waiting for a good one
            }
        }
    }

    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
