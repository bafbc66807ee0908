package io.streampulse.shared.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps the config in force in step with the file. File events (inotify on Linux) give the speed; a periodic
 * check catches what events miss (a symlink retargeted, a bind-mounted file replaced from the host). That check
 * is a stat ({@link FileStamp}) and reads and hashes the file only when the stamp moved, is too fresh to vouch
 * for the content, or a minute has passed: hashing a 5,000-stream file every second was a tenth of the monitor's
 * CPU. Events are debounced so an editor's burst of writes is read once. A file that does not parse leaves the last good
 * config in force; its problems are logged once per file version and exposed by {@link #rejected()}.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(100);
    /** A full read however still the stamp looks: a backstop for file systems that keep times badly. */
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(1);

    private final Path file;
    private final Map<String, String> env;
    private final SecretBox secrets;
    private final Duration poll;
    private final Duration debounce;
    private final Clock clock;
    private final AtomicReference<AppliedConfig> current = new AtomicReference<>();
    private final AtomicReference<RejectedConfig> rejected = new AtomicReference<>();
    private final List<Consumer<ConfigChange>> listeners = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong applied = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong rejections = new java.util.concurrent.atomic.AtomicLong();
    private volatile String lastSeenHash = "";
    /** The stamp of the content last read, when old enough to trust; null means the next poll reads. */
    private volatile FileStamp trustedStamp;
    private volatile long lastFullReadNanos;
    private volatile WatchService watchService;
    private volatile Thread thread;

    public ConfigWatcher(Path file, Map<String, String> env, SecretBox secrets, Duration poll, Duration debounce,
                         Clock clock) {
        this.file = file.toAbsolutePath();
        this.env = Map.copyOf(env);
        this.secrets = secrets;
        this.poll = poll;
        this.debounce = debounce;
        this.clock = clock;
        // Until a file is applied (or when there is none), the defaults with the environment's overrides.
        SuiteConfig defaults = ConfigParser.parse("", this.env, secrets).config().orElseGet(SuiteConfig::defaults);
        current.set(new AppliedConfig(defaults, "", clock.instant(), List.of()));
    }

    /** Loads the file now (so the process starts on it), then watches it on a daemon thread. */
    public synchronized void start() {
        checkNow();
        if (thread != null) {
            return;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            for (Path dir : watchedDirectories()) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            LOG.warn("Config {}: file events unavailable ({}); relying on the {} ms poll", file, e.getMessage(),
                    poll.toMillis());
        }
        thread = new Thread(this::run, "config-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    public AppliedConfig current() {
        return current.get();
    }

    public Optional<RejectedConfig> rejected() {
        return Optional.ofNullable(rejected.get());
    }

    /** File versions applied since start (the first load counts). */
    public long appliedCount() {
        return applied.get();
    }

    /** File versions rejected since start. */
    public long rejectedCount() {
        return rejections.get();
    }

    public Path file() {
        return file;
    }

    /** Called on the watcher thread after each applied change; a failing listener does not stop the others. */
    public void subscribe(Consumer<ConfigChange> listener) {
        listeners.add(listener);
    }

    /** Reads the file and applies it if its content changed since the last look. Safe to call from any thread. */
    public synchronized void checkNow() {
        // Stamped before the read: a write after this moment moves the stamp (or lands while it is too fresh).
        Optional<FileStamp> stamp = FileStamp.of(file);
        Instant stampedAt = clock.instant();
        lastFullReadNanos = System.nanoTime();
        trustedStamp = null;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            reject("missing", List.of(ConfigProblem.error("", 0, 0, "config file not found")));
            return;
        } catch (IOException e) {
            reject("unreadable", List.of(ConfigProblem.error("", 0, 0, "cannot read the config file: "
                    + e.getMessage())));
            return;
        }
        trustedStamp = stamp.filter(s -> s.settledAt(stampedAt)).orElse(null);
        String hash = sha256(bytes);
        if (hash.equals(lastSeenHash)) {
            return;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            // An editor that truncates before writing shows an empty file for a moment; an empty config would
            // drop every stream, so it is never applied over a good one.
            reject(hash, List.of(ConfigProblem.error("", 1, 1, "config file is empty")));
            return;
        }
        ParsedConfig parsed = ConfigParser.parse(text, env, secrets);
        if (parsed.config().isEmpty()) {
            reject(hash, parsed.errors());
            return;
        }
        lastSeenHash = hash;
        rejected.set(null);
        applied.incrementAndGet();
        AppliedConfig next = new AppliedConfig(parsed.config().get(), hash, clock.instant(), parsed.warnings());
        AppliedConfig previous = current.getAndSet(next);
        ConfigChange change = new ConfigChange(previous, next);
        LOG.info("Config {} applied (hash {}, changed: {})", file, shortHash(hash),
                previous.hash().isEmpty() ? "initial load" : String.join(", ", change.changedSections()));
        for (ConfigProblem warning : parsed.warnings()) {
            LOG.warn("Config {} {}: {}", file, warning.line() > 0 ? "line " + warning.line() + ", column "
                    + warning.column() : warning.path(), warning.message());
        }
        for (Consumer<ConfigChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.error("Config listener {} failed on hash {}", listener, shortHash(hash), e);
            }
        }
    }

    /** The periodic look: a stat, and {@link #checkNow} only when the content may have changed. */
    void poll() {
        FileStamp trusted = trustedStamp;
        if (trusted != null && System.nanoTime() - lastFullReadNanos < FULL_READ_EVERY.toNanos()
                && FileStamp.of(file).filter(trusted::equals).isPresent()) {
            return;
        }
        checkNow();
    }

    private void reject(String hash, List<ConfigProblem> errors) {
        if (hash.equals(lastSeenHash)) {
            return;
        }
        lastSeenHash = hash;
        rejections.incrementAndGet();
        RejectedConfig rejection = new RejectedConfig(file, hash, clock.instant(), List.copyOf(errors));
        rejected.set(rejection);
        String keeping = current.get().hash().isEmpty() ? "running on defaults"
                : "keeping config " + shortHash(current.get().hash());
        for (String line : rejection.describe()) {
            LOG.error("Config rejected, {}: {}", keeping, line);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                WatchService service = watchService;
                WatchKey key = service == null ? null : service.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
                if (service == null) {
                    Thread.sleep(poll.toMillis());
                }
                if (key != null) {
                    drain(key);
                    // Let a burst of events settle, then look once.
                    long until = System.nanoTime() + debounce.toNanos();
                    long left;
                    while ((left = until - System.nanoTime()) > 0) {
                        WatchKey more = service.poll(left, TimeUnit.NANOSECONDS);
                        if (more != null) {
                            drain(more);
                        }
                    }
                }
                // Events come for every file in the directory (the monitor's database and its WAL live next to
                // the config), so an event gets the same stat-first look as the poll.
                poll();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Config watcher on {} hit an unexpected error; it keeps running", file, e);
            }
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** The config's directory and, behind symlinks, each target's directory (an edit there changes our file). */
    private Set<Path> watchedDirectories() {
        Set<Path> dirs = new LinkedHashSet<>();
        Path link = file;
        for (int hops = 0; hops < 40; hops++) {
            if (link.getParent() != null && Files.isDirectory(link.getParent())) {
                dirs.add(link.getParent());
            }
            if (!Files.isSymbolicLink(link)) {
                break;
            }
            try {
                link = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            } catch (IOException e) {
                break;
            }
        }
        return dirs;
    }

    @Override
    public synchronized void close() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
        try {
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException ignored) {
            // closing; nothing to keep
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
