package io.streampulse.monitor.probe.rtsp;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The two client TLS setups for rtsps://, built once per probe (building one is slow): verifying the certificate
 * chain and the host name (HTTPS rules, RFC 2818/6125), or trusting anything for cameras with self-signed
 * certificates where the stream's {@code tlsVerify} is off.
 */
final class RtspTlsContexts {

    private final SslContext verifying;
    private final SslContext trustingAll;

    RtspTlsContexts(TrustManagerFactory trust) {
        try {
            SslContextBuilder verify = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
            if (trust != null) {
                verify.trustManager(trust);
            }
            verifying = verify.build();
            trustingAll = SslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("could not set up TLS for rtsps://", e);
        }
    }

    /** A handler for one connection; {@code host} is sent as SNI and, when verifying, checked against the certificate. */
    SslHandler newHandler(ByteBufAllocator alloc, String host, int port, boolean verify) {
        return (verify ? verifying : trustingAll).newHandler(alloc, host, port);
    }
}
