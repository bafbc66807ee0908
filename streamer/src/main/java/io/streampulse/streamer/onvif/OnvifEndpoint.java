package io.streampulse.streamer.onvif;

import io.streampulse.shared.config.StreamerSection;
import io.streampulse.shared.config.SuitePaths;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.health.HealthContributor;
import io.streampulse.streamer.StreamerRuntime;
import io.streampulse.streamer.encode.EncoderSettings;
import io.streampulse.streamer.engine.Dashboard;
import io.streampulse.streamer.engine.Profile;
import io.streampulse.streamer.onvif.device.DeviceService;
import io.streampulse.streamer.onvif.discovery.Announcement;
import io.streampulse.streamer.onvif.discovery.DiscoveryResponder;
import io.streampulse.streamer.onvif.discovery.MulticastInterfaces;
import io.streampulse.streamer.onvif.media.EncoderConfigurations;
import io.streampulse.streamer.onvif.media.EncoderOptions;
import io.streampulse.streamer.onvif.media.MediaService;
import io.streampulse.streamer.onvif.media.VideoEncoderConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Wires the ONVIF face from the streamer section when {@code streamer.onvif.enabled} (ENABLE_ONVIF): the SOAP
 * service over the running dashboard's profiles (a SetVideoEncoderConfiguration re-creates that profile's encoder
 * in the frame loop), and the WS-Discovery responder when {@code onvif.discovery} is on. The SOAP answers follow
 * the live pipeline; turning ONVIF or discovery on or off, and their ports, take effect at the next start.
 */
@Context
public class OnvifEndpoint implements HealthContributor, AutoCloseable {

    public static final String MANUFACTURER = "StreamPulse";
    public static final String MODEL = "YoLink Dashboard";
    private static final Logger LOG = LoggerFactory.getLogger(OnvifEndpoint.class);

    private final ConfigWatcher watcher;
    private final StreamerRuntime runtime;
    private final String version;
    private final UUID id;
    private final DiscoveryResponder discovery;
    private Dashboard served;
    private OnvifService service;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private String problem = "";

    public OnvifEndpoint(ConfigWatcher watcher, SuitePaths paths, StreamerRuntime runtime,
                         @Value("${micronaut.application.version:dev}") String version) {
        this.watcher = watcher;
        this.runtime = runtime;
        this.version = version;
        StreamerSection section = runtime.section();
        details.put("enabled", section.onvifEnabled());
        if (!section.onvifEnabled()) {
            id = null;
            discovery = null;
            return;
        }
        id = EndpointIdFile.loadOrCreate(paths.dataDir());
        details.put("endpoint", "urn:uuid:" + id);
        details.put("port", section.onvifPort());
        discovery = section.discoveryEnabled() ? startDiscovery(section, identity(section)) : null;
        details.put("discovery", discovery == null ? "off" : "UDP " + section.discoveryPort());
        if (section.discoveryEnabled() && discovery == null) {
            problem = "WS-Discovery cannot listen on UDP " + section.discoveryPort();
        }
        details.put("problem", problem);
    }

    /**
     * The SOAP service over the pipeline running now: the runtime rebuilds its pipeline when the streamer section
     * changes (size, stream name, RTSP port, credentials), and the answers follow it.
     */
    private synchronized OnvifService serviceFor(Dashboard dashboard) {
        if (served != dashboard) {
            StreamerSection section = runtime.section();
            List<Profile> profiles = dashboard.frames().profiles();
            Profile main = profiles.get(0);
            service = new OnvifService(new OnvifAuth(section.onvifUsername(), section.onvifPassword().value()),
                    new DeviceService(identity(section), watcher.current().config().timezone(),
                            LocalInterfaces::list),
                    new MediaService(encoders(profiles, runtime), main.width(), main.height(), section.frameRate(),
                            dashboard.rtsp().port(), section.streamName()));
            served = dashboard;
        }
        return service;
    }

    private DeviceIdentity identity(StreamerSection section) {
        return new DeviceIdentity(MANUFACTURER, MODEL, version, id, section.streamName());
    }

    private static EncoderConfigurations encoders(List<Profile> profiles, StreamerRuntime runtime) {
        List<VideoEncoderConfig> configs = new ArrayList<>();
        Map<String, EncoderOptions> options = new LinkedHashMap<>();
        Profile main = profiles.get(0);
        for (Profile profile : profiles) {
            EncoderSettings settings = profile.encoder().settings();
            VideoEncoderConfig config = new VideoEncoderConfig(profile.token() + "_encoder",
                    profile.token() + " H.264", profile.token(), settings.width(), settings.height(), 5,
                    settings.frameRate(), 1, settings.bitRate() / 1000, 10 * settings.frameRate());
            configs.add(config);
            options.put(config.token(), profile == main ? EncoderOptions.main(settings.width(), settings.height())
                    : EncoderOptions.sub(main.width(), main.height(), settings.width(), settings.height()));
        }
        return new EncoderConfigurations(configs, options, applied -> runtime.dashboard().frames()
                .reconfigure(applied.profile(), current -> new EncoderSettings(current.sourceWidth(),
                        current.sourceHeight(), applied.width(), applied.height(), current.frameRate(),
                        applied.bitrateKbps() * 1000)));
    }

    private static DiscoveryResponder startDiscovery(StreamerSection section, DeviceIdentity identity) {
        long instance = System.currentTimeMillis() / 1000;
        DiscoveryResponder responder = new DiscoveryResponder(section.discoveryPort(), MulticastInterfaces.lan(),
                local -> new Announcement(identity.endpointUrn(), identity.scopes(), "http://" + host(local) + ":"
                        + section.onvifPort() + DeviceService.DEVICE_PATH, instance));
        try {
            responder.start();
            return responder;
        } catch (IOException e) {
            LOG.error("WS-Discovery: cannot listen on UDP {}: {}; NVRs must be given the address by hand",
                    section.discoveryPort(), e.getMessage());
            return null;
        }
    }

    static String host(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress().replaceFirst("%.*$", "") + "]"
                : address.getHostAddress();
    }

    @Override
    public String name() {
        return "onvif";
    }

    @Override
    public boolean healthy() {
        return problem.isEmpty();
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }

    /** Empty when ONVIF is turned off. */
    public Optional<OnvifService> service() {
        return id == null ? Optional.empty() : Optional.of(serviceFor(runtime.dashboard()));
    }

    @PreDestroy
    @Override
    public void close() {
        if (discovery != null) {
            discovery.close();
        }
    }
}
