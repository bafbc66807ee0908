package io.streampulse.publisher.devices;

import io.streampulse.shared.feed.HttpFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the bridge's {@code GET /api/devices} (every device it knows) on each connect of its event stream: the
 * stream's snapshot events have no end marker, the list does, so it is what tells a removed device.
 */
public final class BridgeDeviceList {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeDeviceList.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI devicesUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private volatile String lastProblem = "";

    public BridgeDeviceList(URI bridgeBase) {
        this.devicesUri = bridgeBase.resolve("/api/devices");
    }

    /** The list, or empty (the reason logged and kept for /health) when the bridge did not give one. */
    public Optional<List<DeviceReport>> fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(devicesUri).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return failed("cannot read " + devicesUri + ": HTTP " + response.statusCode());
            }
            List<DeviceReport> devices = BridgeDeviceParser.parseList(response.body());
            lastProblem = "";
            return Optional.of(devices);
        } catch (IOException e) {
            return failed(HttpFailures.describe(devicesUri, "bridge", e));
        } catch (IllegalArgumentException e) {
            return failed(devicesUri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Why the last read failed ("" when it worked). */
    public String lastProblem() {
        return lastProblem;
    }

    private Optional<List<DeviceReport>> failed(String problem) {
        lastProblem = problem;
        LOG.warn("Bridge device list: {}; keeping the devices known so far", problem);
        return Optional.empty();
    }
}
