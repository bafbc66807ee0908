package io.streampulse.shared.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpFailuresTest {

    private static final URI EVENTS = URI.create("http://127.0.0.1:7000/api/events");

    @Test
    void reason_namesTheFailureInAFewWords_throughACompletionException() {
        assertEquals("connection refused", HttpFailures.reason(new ConnectException()));
        assertEquals("connection refused", HttpFailures.reason(new CompletionException(new ConnectException())));
        assertEquals("no answer in time", HttpFailures.reason(new HttpTimeoutException("request timed out")));
        assertEquals("no answer in time", HttpFailures.reason(new HttpConnectTimeoutException("connect timed out")));
        assertEquals("stream closed", HttpFailures.reason(new IOException("stream closed")));
        assertEquals("IOException", HttpFailures.reason(new IOException()));
    }

    @Test
    void describe_saysWhatCouldNotBeRead_andAsksWhetherTheRefusingPeerRuns() {
        assertEquals("cannot read " + EVENTS + ": connection refused (is the monitor running?)",
                HttpFailures.describe(EVENTS, "monitor", new ConnectException("Connection refused")));
        assertEquals("cannot read " + EVENTS + ": no answer in time",
                HttpFailures.describe(EVENTS, "monitor", new HttpTimeoutException("timed out")));
    }
}
