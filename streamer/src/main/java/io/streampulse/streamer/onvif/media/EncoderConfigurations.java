package io.streampulse.streamer.onvif.media;

import io.streampulse.streamer.onvif.soap.SoapFault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The profiles' encoder configurations and what each accepts. A SetVideoEncoderConfiguration inside the options
 * replaces the stored configuration and is handed to the applier (which re-creates that profile's encoder);
 * anything outside them is refused with ter:ConfigModify naming the value, as ONVIF asks.
 */
public final class EncoderConfigurations {

    private final Map<String, VideoEncoderConfig> byToken = new LinkedHashMap<>();
    private final Map<String, EncoderOptions> options = new LinkedHashMap<>();
    private final Consumer<VideoEncoderConfig> applier;

    public EncoderConfigurations(List<VideoEncoderConfig> configs, Map<String, EncoderOptions> optionsByToken,
                                 Consumer<VideoEncoderConfig> applier) {
        configs.forEach(config -> byToken.put(config.token(), config));
        this.options.putAll(optionsByToken);
        this.applier = applier;
    }

    public synchronized List<VideoEncoderConfig> all() {
        return List.copyOf(byToken.values());
    }

    public synchronized Optional<VideoEncoderConfig> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    public synchronized Optional<VideoEncoderConfig> byProfile(String profile) {
        return byToken.values().stream().filter(config -> config.profile().equals(profile)).findFirst();
    }

    public EncoderOptions options(String token) {
        return options.get(token);
    }

    /** Validates and applies; the profile and token of a configuration cannot change. */
    public void set(VideoEncoderConfig wanted) throws SoapFault {
        VideoEncoderConfig current;
        synchronized (this) {
            current = byToken.get(wanted.token());
        }
        if (current == null) {
            throw SoapFault.invalidArg("No video encoder configuration '" + wanted.token() + "'", "ter:NoConfig");
        }
        EncoderOptions allowed = options.get(wanted.token());
        if (!allowed.offers(wanted.width(), wanted.height())) {
            throw refused("Resolution " + wanted.width() + "x" + wanted.height() + " is not offered");
        }
        check("Quality", wanted.quality(), allowed.quality());
        check("FrameRateLimit", wanted.frameRateLimit(), allowed.frameRate());
        check("EncodingInterval", wanted.encodingInterval(), allowed.encodingInterval());
        check("BitrateLimit", wanted.bitrateKbps(), allowed.bitrateKbps());
        check("GovLength", wanted.govLength(), allowed.govLength());
        VideoEncoderConfig applied = new VideoEncoderConfig(current.token(), wanted.name().isBlank()
                ? current.name() : wanted.name(), current.profile(), wanted.width(), wanted.height(),
                wanted.quality(), wanted.frameRateLimit(), wanted.encodingInterval(), wanted.bitrateKbps(),
                wanted.govLength());
        synchronized (this) {
            byToken.put(applied.token(), applied);
        }
        if (applied.width() != current.width() || applied.height() != current.height()
                || applied.bitrateKbps() != current.bitrateKbps()) {
            applier.accept(applied);
        }
    }

    private static void check(String what, int value, EncoderOptions.Range range) throws SoapFault {
        if (!range.contains(value)) {
            throw refused(what + " " + value + " is outside " + range.min() + ".." + range.max());
        }
    }

    private static SoapFault refused(String reason) {
        return SoapFault.invalidArg(reason + " (see GetVideoEncoderConfigurationOptions)", "ter:ConfigModify");
    }
}
