package io.streampulse.monitor.sla;

import io.streampulse.monitor.sla.SlaCalculator.Change;
import io.streampulse.monitor.sla.SlaCalculator.Sla;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static io.streampulse.monitor.state.StreamState.DEGRADED;
import static io.streampulse.monitor.state.StreamState.DOWN;
import static io.streampulse.monitor.state.StreamState.PENDING;
import static io.streampulse.monitor.state.StreamState.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaCalculatorTest {

    private static final long H = 3_600_000;
    private static final long DAY = 24 * H;

    @Test
    void compute_upAllDay_isOne() {
        Sla sla = SlaCalculator.compute(0, DAY, UP, List.of(), false);

        assertEquals(1.0, sla.availability().getAsDouble());
        assertEquals(DAY, sla.knownMs());
    }

    @Test
    void compute_sixHoursDownInADay_isThreeQuarters() {
        Sla sla = SlaCalculator.compute(0, DAY, UP, List.of(new Change(6 * H, DOWN), new Change(12 * H, UP)), false);

        assertEquals(0.75, sla.availability().getAsDouble(), 1e-12);
        assertEquals(6 * H, sla.timeInState().get(DOWN));
    }

    @Test
    void compute_pending_countsAsDown() {
        Sla sla = SlaCalculator.compute(0, 4 * H, UP, List.of(new Change(H, PENDING), new Change(2 * H, UP)), false);

        assertEquals(0.75, sla.availability().getAsDouble(), 1e-12);
    }

    @Test
    void compute_degraded_countsAsDownUnlessConfiguredUp() {
        List<Change> changes = List.of(new Change(2 * H, DEGRADED));

        assertEquals(0.5, SlaCalculator.compute(0, 4 * H, UP, changes, false).availability().getAsDouble(), 1e-12);
        assertEquals(1.0, SlaCalculator.compute(0, 4 * H, UP, changes, true).availability().getAsDouble(), 1e-12);
    }

    @Test
    void compute_streamAddedMidWindow_countsOnlyTheKnownTime() {
        Sla sla = SlaCalculator.compute(0, DAY, null, List.of(new Change(18 * H, UP), new Change(21 * H, DOWN)),
                false);

        assertEquals(6 * H, sla.knownMs(), "the 18 hours before the stream existed are not counted");
        assertEquals(0.5, sla.availability().getAsDouble(), 1e-12);
    }

    @Test
    void compute_nothingKnown_isEmptyNotZero() {
        assertTrue(SlaCalculator.compute(0, DAY, null, List.of(), false).availability().isEmpty());
    }

    @Test
    void compute_changesOutsideTheWindow_areIgnored() {
        Sla sla = SlaCalculator.compute(DAY, 2 * DAY, DOWN, List.of(new Change(DAY / 2, UP), new Change(3 * DAY, UP)),
                false);

        assertEquals(0.0, sla.availability().getAsDouble());
    }

    @Test
    void overall_weightsEachStreamByItsKnownTime() {
        Sla fullDayUp = SlaCalculator.compute(0, DAY, UP, List.of(), false);
        Sla lastSixHoursDown = SlaCalculator.compute(0, DAY, null, List.of(new Change(18 * H, DOWN)), false);

        OptionalDouble overall = SlaCalculator.overall(List.of(fullDayUp, lastSixHoursDown));

        assertEquals(24.0 / 30.0, overall.getAsDouble(), 1e-12);
        assertTrue(SlaCalculator.overall(List.of()).isEmpty());
    }
}
