package io.streampulse.monitor.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** {@link HttpFailureMapper}: the exceptions the JDK client completes with, wrapped as it wraps them. */
class HttpFailureMapperTest {

    @Test
    void cause_untrustedCertificateDeepInTheChain_tlsHint() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException(new CertPathValidatorException("no trust anchor")));

        assertEquals(HttpFailureMapper.TLS_UNTRUSTED, cause(handshake));
    }

    @Test
    void cause_handshakeFailureWithoutCertificateProblem_handshakeFailed() {
        assertEquals("TLS: handshake failed", cause(new SSLHandshakeException("no cipher suites in common")));
    }

    @Test
    void cause_connectTimeout_timeoutWithTheBudget() {
        assertEquals("timeout after 3000 ms", cause(new HttpConnectTimeoutException("HTTP connect timed out")));
    }

    @Test
    void cause_connectExceptions_refusedOrTheReason() {
        assertEquals("connection refused", cause(new ConnectException()));
        assertEquals("connection refused", cause(new ConnectException("Connection refused")));
        assertEquals("cannot connect: no route to host", cause(new ConnectException("No route to host")));
    }

    @Test
    void cause_unresolvedHost_unknownHost() {
        ConnectException connect = new ConnectException();
        connect.initCause(new UnresolvedAddressException());

        assertEquals("unknown host", cause(connect));
    }

    @Test
    void cause_serverClosedOrResetBeforeAnswering_saysSo() {
        assertEquals("connection closed before an answer",
                cause(new IOException("HTTP/1.1 header parser received no bytes")));
        assertEquals("connection reset", cause(new IOException(new IOException("Connection reset by peer"))));
    }

    @Test
    void cause_somethingUnforeseen_namesOnlyTheExceptionType() {
        assertEquals("error: IllegalStateException", cause(new IOException("boom", new IllegalStateException("x"))));
    }

    private static String cause(Throwable error) {
        return HttpFailureMapper.cause(new CompletionException(error), 3000);
    }
}
