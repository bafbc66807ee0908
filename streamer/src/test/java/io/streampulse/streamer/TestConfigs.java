package io.streampulse.streamer;

/** Config snippets the streamer's process tests share. */
public final class TestConfigs {

    /** Inside {@code streamer:}: no WS-Discovery, so no Hello or Bye ever leaves the test machine. */
    public static final String NO_DISCOVERY = "  onvif:\n    discovery: false\n";

    private TestConfigs() {
    }
}
