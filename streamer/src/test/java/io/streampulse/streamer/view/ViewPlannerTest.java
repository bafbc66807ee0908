package io.streampulse.streamer.view;

import io.streampulse.streamer.Cards;
import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.feed.SensorCard;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ViewPlannerTest {

    private static final long T0 = 1_790_000_000_000L;

    private final ViewPlanner planner = new ViewPlanner("Site", 20, 10_000, 30_000, 15_000, ZoneOffset.UTC);

    @Test
    void plan_pagesCycleWithWallTime() {
        FeedSnapshot feed = FeedSnapshot.of(Cards.quiet(45));
        DashboardView first = planner.plan(feed, T0);
        DashboardView second = planner.plan(feed, T0 + 10_000);
        DashboardView third = planner.plan(feed, T0 + 20_000);
        DashboardView fourth = planner.plan(feed, T0 + 30_000);
        assertEquals(3, first.pages());
        assertEquals(Set.of(0, 1, 2), Set.of(first.page(), second.page(), third.page()));
        assertEquals(first.page(), fourth.page());
        int shown = first.cards().size() + second.cards().size() + third.cards().size();
        assertEquals(45, shown);
    }

    @Test
    void plan_anAlarmTakesTheScreenUntilHoldAfterItCleared() {
        List<SensorCard> cards = new ArrayList<>(Cards.quiet(30));
        cards.set(25, Cards.door("front", "Front door", true));
        assertEquals(Screen.ALARM, planner.plan(FeedSnapshot.of(cards), T0).screen());
        DashboardView during = planner.plan(FeedSnapshot.of(cards), T0 + 60_000);
        assertEquals(List.of("front"), during.cards().stream().map(SensorCard::id).toList());
        assertEquals(Set.of(), during.clearedIds());

        cards.set(25, Cards.door("front", "Front door", false));
        DashboardView held = planner.plan(FeedSnapshot.of(cards), T0 + 60_000 + 29_999);
        assertEquals(Screen.ALARM, held.screen());
        assertEquals(Set.of("front"), held.clearedIds());
        assertEquals(Screen.GRID, planner.plan(FeedSnapshot.of(cards), T0 + 60_000 + 30_000).screen());
    }

    @Test
    void plan_listsEverySensorInAlarm() {
        List<SensorCard> cards = List.of(Cards.door("a", "A", true), Cards.climate("c", "C"),
                Cards.leak("b", "B", true));
        DashboardView view = planner.plan(FeedSnapshot.of(cards), T0);
        assertEquals(List.of("a", "b"), view.cards().stream().map(SensorCard::id).toList());
    }

    @Test
    void plan_bridgeStates() {
        assertEquals(Screen.CONNECTING, planner.plan(FeedSnapshot.unreachable("refused"), T0).screen());
        assertEquals(Screen.UNREACHABLE, planner.plan(FeedSnapshot.unreachable("refused"), T0 + 15_000).screen());
        assertEquals(Screen.NO_SENSORS, planner.plan(FeedSnapshot.of(List.of()), T0 + 16_000).screen());
        FeedSnapshot dropped = new FeedSnapshot(false, true, Cards.quiet(3), "refused");
        DashboardView stale = planner.plan(dropped, T0 + 17_000);
        assertEquals(Screen.GRID, stale.screen());
        assertEquals(false, stale.bridgeConnected());
        assertEquals(Screen.UNREACHABLE, planner.plan(dropped, T0 + 32_000).screen());
    }

    @Test
    void plan_sameInputSameSecondIsEqual_nextSecondDiffers() {
        FeedSnapshot feed = FeedSnapshot.of(Cards.quiet(3));
        assertEquals(planner.plan(feed, T0 + 100), planner.plan(feed, T0 + 900));
        assertNotEquals(planner.plan(feed, T0 + 900), planner.plan(feed, T0 + 1_000));
    }
}
