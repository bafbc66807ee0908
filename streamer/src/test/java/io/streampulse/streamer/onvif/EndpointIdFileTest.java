package io.streampulse.streamer.onvif;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EndpointIdFileTest {

    @TempDir
    Path dir;

    @Test
    void loadOrCreate_keepsTheSameIdAcrossStarts() {
        UUID first = EndpointIdFile.loadOrCreate(dir);

        assertEquals(first, EndpointIdFile.loadOrCreate(dir));
    }

    @Test
    void loadOrCreate_unreadableFile_isReplaced() throws Exception {
        Files.writeString(dir.resolve(EndpointIdFile.FILE_NAME), "not a uuid");

        UUID id = EndpointIdFile.loadOrCreate(dir);

        assertEquals(id.toString(), Files.readString(dir.resolve(EndpointIdFile.FILE_NAME)).strip());
        assertNotEquals(id, EndpointIdFile.loadOrCreate(dir.resolve("elsewhere")));
    }
}
