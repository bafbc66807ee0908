package io.streampulse.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server-side SSLContext with a fresh self-signed certificate for 127.0.0.1/localhost, made by the JDK's
 * keytool. Why self-signed and not {@link TestCertificates}' CA chain: the case to test is the camera with its
 * factory certificate, which no client trusts unless told to skip verification.
 */
final class SelfSignedTls {

    private static final String PASSWORD = "testkit";

    private SelfSignedTls() {
    }

    static SSLContext serverContext(Path dir) {
        Path keyStore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Commands.run(dir, dir.resolve("keytool.log"), List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + keyStore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build a TLS context from " + keyStore, e);
        }
    }
}
