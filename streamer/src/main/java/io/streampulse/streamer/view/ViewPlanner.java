package io.streampulse.streamer.view;

import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.feed.SensorCard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what the dashboard shows at a given time (pure apart from its own memory; the clock is passed in).
 * Alarm: any sensor in alarm turns the screen red; it stays red until the last alarm cleared {@code holdMillis}
 * ago, listing the cleared ones as such. Pages follow wall time, so every profile shows the same page. A bridge that
 * drops after answering keeps the last grid (header says so) for {@code graceMillis}, then the screen says it.
 */
public final class ViewPlanner {

    private final String siteName;
    private final int pageSize;
    private final long cycleMillis;
    private final long holdMillis;
    private final long graceMillis;
    private final DateTimeFormatter clockFormat;
    /** Sensors that were in alarm, with the time they were last seen so; in order of first alarm. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    private long disconnectedSince = -1;

    public ViewPlanner(String siteName, int pageSize, long cycleMillis, long holdMillis, long graceMillis,
                       ZoneId zone) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.siteName = siteName;
        this.pageSize = pageSize;
        this.cycleMillis = cycleMillis;
        this.holdMillis = holdMillis;
        this.graceMillis = graceMillis;
        this.clockFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public synchronized DashboardView plan(FeedSnapshot feed, long nowMillis) {
        String clock = clockFormat.format(Instant.ofEpochMilli(nowMillis));
        disconnectedSince = feed.connected() ? -1 : disconnectedSince < 0 ? nowMillis : disconnectedSince;
        List<SensorCard> alarmed = trackAlarms(feed.cards(), nowMillis);
        if (!alarmed.isEmpty()) {
            Set<String> cleared = alarmed.stream().filter(card -> !card.inAlarm()).map(SensorCard::id)
                    .collect(Collectors.toSet());
            return view(Screen.ALARM, clock, feed, alarmed, cleared, 0, 1);
        }
        if (!feed.loaded()) {
            Screen screen = nowMillis - disconnectedSince >= graceMillis ? Screen.UNREACHABLE : Screen.CONNECTING;
            return view(screen, clock, feed, List.of(), Set.of(), 0, 1);
        }
        if (!feed.connected() && nowMillis - disconnectedSince >= graceMillis) {
            return view(Screen.UNREACHABLE, clock, feed, List.of(), Set.of(), 0, 1);
        }
        List<SensorCard> cards = feed.cards();
        if (cards.isEmpty()) {
            return view(Screen.NO_SENSORS, clock, feed, List.of(), Set.of(), 0, 1);
        }
        int pages = (cards.size() + pageSize - 1) / pageSize;
        int page = (int) ((nowMillis / cycleMillis) % pages);
        List<SensorCard> onPage = cards.subList(page * pageSize, Math.min(cards.size(), (page + 1) * pageSize));
        return view(Screen.GRID, clock, feed, onPage, Set.of(), page, pages);
    }

    /** The sensors the alarm screen lists now: in alarm, or cleared within the hold time (then as cleared). */
    private List<SensorCard> trackAlarms(List<SensorCard> cards, long nowMillis) {
        Map<String, SensorCard> byId = new LinkedHashMap<>();
        cards.forEach(card -> byId.put(card.id(), card));
        for (SensorCard card : cards) {
            if (card.inAlarm()) {
                held.put(card.id(), new Held(card, nowMillis));
            }
        }
        long lastAlarm = held.values().stream().mapToLong(Held::lastInAlarm).max().orElse(Long.MIN_VALUE);
        if (lastAlarm == Long.MIN_VALUE || nowMillis - lastAlarm >= holdMillis) {
            held.clear();
            return List.of();
        }
        List<SensorCard> listed = new ArrayList<>();
        held.forEach((id, entry) -> listed.add(byId.getOrDefault(id, entry.lastAlarmCard().withoutAlarms())));
        return listed;
    }

    private DashboardView view(Screen screen, String clock, FeedSnapshot feed, List<SensorCard> cards,
                               Set<String> cleared, int page, int pages) {
        return new DashboardView(screen, siteName, clock, feed.connected(), feed.problem(), cards, cleared, page,
                pages, feed.cards().size());
    }

    private record Held(SensorCard lastAlarmCard, long lastInAlarm) {
    }
}
