package io.streampulse.shared.config;

import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Changes the config file without ever exposing a torn, empty or mixed version to a reader:
 * the edit is applied to the current content under a lock (a JVM lock plus an OS file lock, so several threads
 * and processes take turns and none loses another's change), validated as a whole, encrypted where it holds
 * secrets, written to a temp file in the target's directory, fsynced, and renamed over the target. A symlinked
 * path is followed to its target, so the link stays a link.
 *
 * <p>Where the target is a single-file bind mount, rename across the mount fails; the writer then rewrites the
 * file in place under the same lock (readers may then see a partial write, which the watcher rejects and retries).
 */
public final class ConfigWriter {

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Map<String, String> env;
    private final SecretBox secrets;

    public ConfigWriter(Path file, Map<String, String> env, SecretBox secrets) {
        this.file = file.toAbsolutePath();
        this.env = Map.copyOf(env);
        this.secrets = secrets;
    }

    /**
     * The outcome of an update: written with its new hash (and any warnings), or not written, with the problems
     * that stopped it: the edited config would be invalid, or the file on disk does not parse (fix it first).
     */
    public record Result(boolean written, String hash, List<ConfigProblem> problems) {
    }

    public Result update(Consumer<ConfigDocument> edit) throws IOException {
        Path target = resolveTarget(file);
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(target, p -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel lockChannel = FileChannel.open(target.resolveSibling("." + target.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            ConfigDocument document;
            try {
                document = ConfigDocument.parse(read(target));
            } catch (YAMLException | IllegalArgumentException e) {
                // Never overwrite a file we cannot read: the user's hand edit would be lost.
                ConfigProblem problem = e instanceof YAMLException yaml ? ConfigParser.yamlProblem(yaml)
                        : ConfigProblem.error("", 1, 1, e.getMessage());
                return new Result(false, "", List.of(problem));
            }
            edit.accept(document);
            for (String path : SecretFields.in(document)) {
                document.mapScalar(path, v -> v.isEmpty() || SecretBox.isEncrypted(v) ? v : secrets.encrypt(v));
            }
            String text = document.toYaml();
            ParsedConfig parsed = ConfigParser.parse(text, env, secrets);
            if (!parsed.valid()) {
                return new Result(false, "", parsed.errors());
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            replace(target, bytes);
            return new Result(true, ConfigWatcher.sha256(bytes), parsed.warnings());
        } finally {
            jvmLock.unlock();
        }
    }

    private static String read(Path target) throws IOException {
        try {
            return Files.readString(target, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.FileSystemException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
                rewriteInPlace(target, bytes);
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void rewriteInPlace(Path target, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.exists(target)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temp, permissions);
        } else {
            Files.setPosixFilePermissions(temp, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.GROUP_READ));
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // some file systems refuse to open directories; the rename is still atomic there
        }
    }

    /** Follows a chain of symlinks (even a dangling one, as on a first boot) to the path that holds the content. */
    static Path resolveTarget(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; hops < 40; hops++) {
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
        }
        throw new IOException("too many symbolic links from " + path);
    }
}
