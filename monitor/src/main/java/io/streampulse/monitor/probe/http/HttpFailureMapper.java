package io.streampulse.monitor.probe.http;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.CheckKind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLException;

/**
 * Turns an HTTP check that got no answer into a DOWN result with a short cause (pure). Why our own words and
 * not the exception's message: those vary by JDK version, can be long, and are not ours to promise; the cause
 * chain is searched because the JDK client wraps the socket's exception one or two levels deep.
 */
public final class HttpFailureMapper {

    static final String TLS_UNTRUSTED = "TLS: certificate not trusted (set tls_verify: false to accept it)";

    private HttpFailureMapper() {
    }

    public static ProbeResult timedOut(long latencyMs, long timeoutMs) {
        return ProbeResult.down(latencyMs, "timeout after " + timeoutMs + " ms", CheckKind.HTTP);
    }

    public static ProbeResult failed(Throwable error, long latencyMs, long timeoutMs) {
        return ProbeResult.down(latencyMs, cause(error, timeoutMs), CheckKind.HTTP);
    }

    static String cause(Throwable error, long timeoutMs) {
        if (has(error, CertificateException.class) || has(error, CertPathValidatorException.class)
                || has(error, CertPathBuilderException.class)) {
            return TLS_UNTRUSTED;
        }
        if (has(error, HttpTimeoutException.class) || has(error, CancellationException.class)) {
            return "timeout after " + timeoutMs + " ms";
        }
        if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
            return "unknown host";
        }
        if (has(error, SSLException.class)) {
            return "TLS: handshake failed";
        }
        ConnectException connect = find(error, ConnectException.class);
        if (connect != null) {
            String message = connect.getMessage();
            return message == null || message.toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused" : "cannot connect: " + message.toLowerCase(Locale.ROOT);
        }
        if (has(error, IllegalArgumentException.class)) {
            return "not an HTTP(S) URL";
        }
        String what = messages(error);
        if (what.contains("reset")) {
            return "connection reset";
        }
        if (what.contains("received no bytes") || what.contains("closed") || what.contains("eof")) {
            return "connection closed before an answer";
        }
        return "error: " + root(error).getClass().getSimpleName();
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
