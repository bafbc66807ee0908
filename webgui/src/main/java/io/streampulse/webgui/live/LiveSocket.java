package io.streampulse.webgui.live;

import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.WebSession;

import java.util.concurrent.CompletionStage;

/**
 * {@code /ws/live}: the dashboard's WebSocket. The handshake is an ordinary GET, so {@link AccessFilter} has
 * already refused it without a signed-in session, and {@link LiveHandshakeFilter} a foreign Origin. The server
 * only talks; what the browser sends is ignored.
 */
@ServerWebSocket("/ws/live")
public class LiveSocket {

    private static final String CONNECTION = "streampulse.live";
    private final LiveHub hub;

    public LiveSocket(LiveHub hub) {
        this.hub = hub;
    }

    @OnOpen
    public void open(WebSocketSession session, HttpRequest<?> request) {
        WebSession user = request.getAttribute(AccessFilter.SESSION, WebSession.class).orElse(null);
        if (user == null || !user.signedIn()) { // the filter should have refused it: never serve it anyway
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        LiveConnection connection = new LiveConnection(session.getId(), user.username(), user.id(),
                new SessionSender(session));
        session.put(CONNECTION, connection);
        hub.open(connection);
    }

    @OnMessage
    public void message(String text, WebSocketSession session) {
        // nothing to answer: the dashboard only listens
    }

    @OnClose
    public void close(WebSocketSession session) {
        session.get(CONNECTION, LiveConnection.class).ifPresent(c -> {
            c.close("closed by the client");
            hub.closed(c);
        });
    }

    private record SessionSender(WebSocketSession session) implements LiveConnection.Sender {
        @Override
        public CompletionStage<?> send(String frame) {
            return session.sendAsync(frame);
        }

        @Override
        public void close(String reason) {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), reason));
            }
        }

        @Override
        public boolean open() {
            return session.isOpen();
        }
    }
}
