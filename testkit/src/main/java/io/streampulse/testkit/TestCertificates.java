package io.streampulse.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throwaway PEM certificates for TLS listeners in tests: a CA and a server certificate for 127.0.0.1/localhost,
 * made with the {@code openssl} CLI. Why: mosquitto wants PEM files, checked-in keys expire and get copied
 * into places they should not be, and a fresh CA per test proves that clients really verify the chain.
 */
public final class TestCertificates {

    /** PEM files: the CA certificate (what clients trust), the server certificate and its unencrypted key. */
    public record Certs(Path caCert, Path serverCert, Path serverKey) {
    }

    private TestCertificates() {
    }

    /**
     * Writes ca.key, ca.crt, server.key, server.crt into {@code dir} (created if needed). The server
     * certificate has CN 127.0.0.1 and SANs IP:127.0.0.1, DNS:localhost; both are valid for 30 days.
     */
    public static Certs generate(Path dir) {
        return generate(dir, "IP:127.0.0.1", "DNS:localhost");
    }

    /**
     * The same with other subject alternative names ("DNS:camera.example", "IP:10.0.0.5"), e.g. for a
     * certificate that does not match the address a client connects to.
     */
    public static Certs generate(Path dir, String... subjectAltNames) {
        String openssl = Binaries.require("openssl", "openssl").toString();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
        Path log = dir.resolve("openssl.log");
        Path caKey = dir.resolve("ca.key");
        Path caCert = dir.resolve("ca.crt");
        Path serverKey = dir.resolve("server.key");
        Path serverCsr = dir.resolve("server.csr");
        Path serverCert = dir.resolve("server.crt");
        Path ext = dir.resolve("server.ext");
        try {
            Files.writeString(ext, String.join("\n",
                    "basicConstraints=critical,CA:FALSE",
                    "keyUsage=critical,digitalSignature,keyEncipherment",
                    "extendedKeyUsage=serverAuth",
                    "subjectAltName=" + String.join(",", subjectAltNames),
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + ext, e);
        }
        Commands.run(dir, log, List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
                "-days", "30", "-keyout", caKey.toString(), "-out", caCert.toString(),
                "-subj", "/CN=StreamPulse testkit CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        Commands.run(dir, log, List.of(openssl, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-sha256",
                "-keyout", serverKey.toString(), "-out", serverCsr.toString(), "-subj", "/CN=127.0.0.1"));
        Commands.run(dir, log, List.of(openssl, "x509", "-req", "-sha256", "-days", "30",
                "-in", serverCsr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-set_serial", Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE),
                "-extfile", ext.toString(), "-out", serverCert.toString()));
        return new Certs(caCert, serverCert, serverKey);
    }

    /** A TrustManagerFactory that trusts exactly the certificates in the PEM file {@code caCert}. */
    public static TrustManagerFactory trustManagerFactory(Path caCert) {
        try (InputStream in = Files.newInputStream(caCert)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in " + caCert);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + caCert, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build a trust store from " + caCert, e);
        }
    }
}
