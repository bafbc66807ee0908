package io.streampulse.streamer.view;

import io.streampulse.streamer.feed.SensorCard;

import java.util.List;
import java.util.Set;

/**
 * Everything one picture shows; two equal views draw the same picture, which is how the frame loop knows whether
 * to encode.
 *
 * @param screen          which picture
 * @param siteName        the header title
 * @param clock           the header clock text
 * @param bridgeConnected whether the bridge answers now
 * @param problem         why it does not ("" while it does)
 * @param cards           the cards on this page (GRID) or the sensors in alarm (ALARM)
 * @param clearedIds      on the ALARM screen: listed sensors whose alarm already cleared (held)
 * @param page            0-based page shown
 * @param pages           page count (1 when everything fits)
 * @param totalSensors    sensors known in all
 */
public record DashboardView(Screen screen, String siteName, String clock, boolean bridgeConnected, String problem,
                            List<SensorCard> cards, Set<String> clearedIds, int page, int pages,
                            int totalSensors) {

    public DashboardView {
        cards = List.copyOf(cards);
        clearedIds = Set.copyOf(clearedIds);
    }

    public boolean alarm() {
        return screen == Screen.ALARM;
    }

    /** The same view without its clock: what the renderer's cached layer shows. */
    public DashboardView withoutClock() {
        return new DashboardView(screen, siteName, "", bridgeConnected, problem, cards, clearedIds, page, pages,
                totalSensors);
    }
}
