package io.streampulse.webgui.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.webgui.live.LiveBoard;
import io.streampulse.webgui.live.LiveMessages;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /}: the live dashboard, rendered on the server from the hub's current snapshot (complete without
 * JavaScript; one page of streams, see {@link StreamView}); {@code static/js/dashboard.js} then follows
 * {@code /ws/live}. Served from memory, no peer call.
 */
@Controller
public class DashboardController {

    private final LiveBoard board;
    private final ConfigWatcher config;

    public DashboardController(LiveBoard board, ConfigWatcher config) {
        this.board = board;
        this.config = config;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> dashboard(@Nullable @QueryValue String q, @Nullable @QueryValue String state,
                                                       @Nullable @QueryValue String sort, @Nullable @QueryValue String page) {
        LiveMessages.LiveSnapshot snapshot = board.snapshot();
        StreamView view = StreamView.of(q, state, sort, page);
        StreamView.Page shown = view.apply(snapshot.streams());
        Cells cells = new Cells(config.current().config().timezone());
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("shown", shown);
        model.put("pageSize", StreamView.PAGE_SIZE);
        model.put("streams", shown.rows().stream().map(s -> Rows.of(s, cells)).toList());
        model.put("devices", snapshot.devices().stream().map(d -> Rows.of(d, cells)).toList());
        model.put("services", snapshot.services());
        return new ModelAndView<>("dashboard", model);
    }
}
