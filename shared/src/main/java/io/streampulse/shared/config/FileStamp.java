package io.streampulse.shared.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the config poll compares instead of the content (one stat, no read): the file's identity (device and inode,
 * so an atomic rename or a retargeted symlink shows), its size, and its modification and change times. The change
 * time (ctime) moves on every write, rename or {@code touch -d}, even when a tool puts the modification time back.
 */
record FileStamp(Object fileKey, long size, FileTime modified, FileTime changed) {

    /**
     * How long a stamp stays too fresh to vouch for the content: two writes within one tick of the file system's
     * clock (a few ms on Linux, 1-2 s on some file systems) leave the same times, so until this has passed the
     * content is read again (git's "racily clean" rule).
     */
    static final Duration RACY = Duration.ofSeconds(2);

    /** The stamp of the file behind any symlinks; empty when it cannot be read (missing, no permission). */
    static Optional<FileStamp> of(Path file) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:fileKey,size,lastModifiedTime,ctime");
            return Optional.of(new FileStamp(unix.get("fileKey"), (Long) unix.get("size"),
                    (FileTime) unix.get("lastModifiedTime"), (FileTime) unix.get("ctime")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new FileStamp(basic.fileKey(), basic.size(), basic.lastModifiedTime(),
                        basic.lastModifiedTime()));
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when both times are at least {@link #RACY} before {@code now}: a later write must then move one. */
    boolean settledAt(Instant now) {
        Instant newest = modified.toInstant().isAfter(changed.toInstant()) ? modified.toInstant() : changed.toInstant();
        return newest.plus(RACY).isBefore(now);
    }
}
