package io.streampulse.publisher.connection;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Which broker certificates we accept: the system CAs, plus those in {@code mqtt.ca_file} (a private CA, a
 * self-signed broker). {@code mqtt.tls_insecure: true} accepts any certificate and any host name: an explicit
 * opt-out for test brokers, reported on /health, never a fallback.
 */
public final class TlsTrust {

    private TlsTrust() {
    }

    /** Empty: the JDK's default trust (system CAs) is enough. */
    public static Optional<TrustManagerFactory> trustManagers(BrokerSettings settings) {
        if (settings.tlsInsecure()) {
            return Optional.of(InsecureTrustManagerFactory.INSTANCE);
        }
        return settings.caFile().map(file -> systemPlus(Path.of(file)));
    }

    /** Empty: verify the host name against the certificate (hivemq's default HTTPS endpoint identification). */
    public static Optional<HostnameVerifier> hostnameVerifier(BrokerSettings settings) {
        return settings.tlsInsecure() ? Optional.of((host, session) -> true) : Optional.empty();
    }

    private static TrustManagerFactory systemPlus(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : systemCas()) {
                store.setCertificateEntry("system-" + i++, ca);
            }
            int added = 0;
            try (InputStream in = Files.newInputStream(caFile)) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-file-" + added++, certificate);
                }
            }
            if (added == 0) {
                throw new TlsSetupException("mqtt.ca_file " + caFile + " holds no PEM certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException e) {
            throw new TlsSetupException("cannot read mqtt.ca_file " + caFile + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("mqtt.ca_file " + caFile + " is not a PEM certificate: " + e.getMessage());
        }
    }

    private static X509Certificate[] systemCas() throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        for (TrustManager manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    /** A TLS setting that cannot work (unreadable CA file); reported on /health instead of connecting. */
    public static final class TlsSetupException extends RuntimeException {
        public TlsSetupException(String message) {
            super(message, null, false, false);
        }
    }
}
