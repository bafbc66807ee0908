package io.streampulse.bridge.alert;

import io.streampulse.bridge.store.DoorPropDeadlines;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One deadline per open door with a door-prop timeout. The deadline is persisted before it is scheduled, so a
 * restart fires it at the same moment (or at once when it passed while the bridge was down). {@code due} gets
 * the device id; it decides whether the door is still open.
 */
public final class DoorPropTimer {

    private final DoorPropDeadlines deadlines;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<String> due;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    public DoorPropTimer(DoorPropDeadlines deadlines, ScheduledExecutorService scheduler, Clock clock,
                         Consumer<String> due) {
        this.deadlines = deadlines;
        this.scheduler = scheduler;
        this.clock = clock;
        this.due = due;
        deadlines.onLoaded(found -> found.forEach(this::schedule));
    }

    /** Starts the countdown unless one runs for this device already. */
    public synchronized void arm(String deviceId, long deadlineMillis) {
        if (!scheduled.containsKey(deviceId)) {
            deadlines.put(deviceId, deadlineMillis);
            schedule(deviceId, deadlineMillis);
        }
    }

    public synchronized void disarm(String deviceId) {
        ScheduledFuture<?> task = scheduled.remove(deviceId);
        if (task != null) {
            task.cancel(false);
        }
        deadlines.remove(deviceId);
    }

    public boolean armed(String deviceId) {
        return scheduled.containsKey(deviceId);
    }

    private synchronized void schedule(String deviceId, long deadlineMillis) {
        if (scheduled.containsKey(deviceId)) {
            return;
        }
        long delay = Math.max(0, deadlineMillis - clock.millis());
        scheduled.put(deviceId, scheduler.schedule(() -> fire(deviceId), delay, TimeUnit.MILLISECONDS));
    }

    private void fire(String deviceId) {
        synchronized (this) {
            scheduled.remove(deviceId);
        }
        due.accept(deviceId);
        deadlines.remove(deviceId);
    }
}
