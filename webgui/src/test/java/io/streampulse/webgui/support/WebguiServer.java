package io.streampulse.webgui.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.TempSuite;
import io.streampulse.webgui.account.PasswordHasher;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.account.UserAccount;
import io.streampulse.webgui.account.UserStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The webgui, in this JVM, on a free port, over a throwaway data dir and config file. Extra properties point it
 * at the peers a test starts (a monitor, a bridge).
 */
public final class WebguiServer implements AutoCloseable {

    private final TempSuite suite;
    private final EmbeddedServer server;

    private WebguiServer(TempSuite suite, EmbeddedServer server) {
        this.suite = suite;
        this.server = server;
    }

    public static WebguiServer start(Path dir, String configYaml, Map<String, Object> extra) {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig(configYaml);
        Map<String, Object> properties = new HashMap<>();
        properties.put(TempSuite.CONFIG_PROPERTY, suite.configPath().toString());
        properties.put(TempSuite.DATA_PROPERTY, suite.dataDir().toString());
        properties.put("micronaut.server.port", FreePorts.next());
        properties.putAll(extra);
        return new WebguiServer(suite, ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public static WebguiServer start(Path dir) {
        return start(dir, "streams: []\n", Map.of());
    }

    public URI url() {
        return server.getURI();
    }

    public URI url(String path) {
        return server.getURI().resolve(path);
    }

    public TempSuite suite() {
        return suite;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** A user made directly in the users database (the setup flow has its own test). */
    public void addUser(String username, String password, Role role) {
        UserAccount user = UserAccount.create(username, role, bean(PasswordHasher.class).hash(password), Instant.now());
        if (!bean(UserStore.class).add(user)) {
            throw new IllegalStateException("user " + username + " exists");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
