package io.streampulse.monitor.probe.rtsp;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Words for the ways a check fails before any RTSP answer (pure: exception and bytes in, message out).
 * Exception texts are never passed on whole: they can carry addresses and JDK internals; only clipped
 * TLS reasons are, since "PKIX path building failed" is what an operator needs to see.
 */
final class RtspFailureMessages {

    static final String REFUSED = "connection refused";

    private RtspFailureMessages() {
    }

    /** A failed connect, or an exception on an open connection. */
    static String of(Throwable error) {
        Throwable tls = find(error, SSLException.class);
        if (tls != null) {
            return tls(tls);
        }
        if (find(error, ConnectException.class) != null) {
            return error.getMessage() != null && error.getMessage().toLowerCase(Locale.ROOT).contains("refused")
                    ? REFUSED : "could not connect";
        }
        if (find(error, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        if (find(error, UnknownHostException.class) != null || find(error, UnresolvedAddressException.class) != null) {
            return "unknown host";
        }
        if (find(error, io.netty.handler.codec.TooLongFrameException.class) != null) {
            return "not an RTSP server: answer too long";
        }
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("reset")) {
            return "connection reset by server";
        }
        if (text.contains("broken pipe")) {
            return "connection closed by server";
        }
        return "connection error: " + ServerText.clip(error.getClass().getSimpleName());
    }

    /** The server answered with something the RTSP decoder refused; {@code firstBytes} is what it sent. */
    static String notRtsp(byte[] firstBytes) {
        if (firstBytes.length > 0 && (firstBytes[0] == 0x15 || firstBytes[0] == 0x16)) {
            return "not an RTSP server: it speaks TLS (use rtsps://)";
        }
        String shown = ServerText.clip(new String(firstBytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        return "not an RTSP server: " + (shown.isEmpty() ? "unreadable answer" : "'" + shown + "'");
    }

    /** The connection closed before an answer decided the check. */
    static String closed(byte[] firstBytes) {
        return firstBytes.length == 0 ? "connection closed by server without an answer" : notRtsp(firstBytes);
    }

    private static String tls(Throwable tls) {
        if (tls instanceof io.netty.handler.ssl.NotSslRecordException) {
            return "TLS handshake failed: server does not speak TLS (use rtsp://)";
        }
        String reason = String.valueOf(tls.getMessage());
        if (find(tls, CertificateException.class) != null && reason.contains("subject alternative")
                || reason.contains("No name matching")) {
            return "TLS certificate does not match the host";
        }
        if (find(tls, java.security.cert.CertPathBuilderException.class) != null || reason.contains("PKIX")) {
            return "TLS certificate not trusted";
        }
        return "TLS handshake failed: " + ServerText.clip(reason);
    }

    private static Throwable find(Throwable error, Class<?> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
