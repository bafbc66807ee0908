package io.streampulse.streamer.onvif;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The device's WS-Discovery endpoint id, kept in {@code <data>/streamer-onvif-id} so NVRs recognise the same
 * camera after a restart. Made at the first start; an unreadable file is replaced (logged).
 */
public final class EndpointIdFile {

    static final String FILE_NAME = "streamer-onvif-id";
    private static final Logger LOG = LoggerFactory.getLogger(EndpointIdFile.class);

    private EndpointIdFile() {
    }

    public static UUID loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            try {
                return UUID.fromString(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ONVIF: {} is unreadable ({}); making a new endpoint id", file, e.getMessage());
            }
        }
        UUID id = UUID.randomUUID();
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            Files.writeString(temp, id + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("ONVIF: cannot keep the endpoint id in {} ({}); it changes at the next start", file,
                    e.getMessage());
        }
        return id;
    }
}
