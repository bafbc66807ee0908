package io.streampulse.publisher.connection;

/** How the client reaches the broker, chosen by {@code use_tls} and {@code use_websocket} as StreamPulse chose it. */
public enum Transport {
    TCP("mqtt", false, false),
    WEBSOCKET("ws", false, true),
    TLS("mqtts", true, false),
    TLS_WEBSOCKET("wss", true, true);

    /** StreamPulse's client (paho) used this path for WebSocket; so do mosquitto's and most brokers' defaults. */
    public static final String WEBSOCKET_PATH = "mqtt";

    private final String scheme;
    private final boolean tls;
    private final boolean webSocket;

    Transport(String scheme, boolean tls, boolean webSocket) {
        this.scheme = scheme;
        this.tls = tls;
        this.webSocket = webSocket;
    }

    public static Transport of(boolean useTls, boolean useWebsocket) {
        if (useWebsocket) {
            return useTls ? TLS_WEBSOCKET : WEBSOCKET;
        }
        return useTls ? TLS : TCP;
    }

    public String scheme() {
        return scheme;
    }

    public boolean tls() {
        return tls;
    }

    public boolean webSocket() {
        return webSocket;
    }
}
