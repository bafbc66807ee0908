import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.live.LiveBoard;
import io.streampulse.webgui.support.Browser;
import io.streampulse.testkit.FakeBridgeFeed;
import io.streampulse.webgui.support.FakeMonitorFeed;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.LivePeers;
import io.streampulse.webgui.support.WebguiServer;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * bench/webgui: the webgui in process (its real controllers, hub and feeds) between a fake monitor with N streams
 * and a fake bridge with M sensors, both speaking their real SSE shapes over loopback, and a real headless
 * Chromium. Measures the server render of "/", the browser's DOM ready, and event -> DOM latency: each event
 * carries its send time (epoch ms) in the stream's reason text and a MutationObserver in the page records when
 * that text lands in the DOM.
 */
public final class WebguiBench {

    private static final double RENDER_TARGET_MS = 200;
    private static final double LIVE_TARGET_MS = 1000;
    private static final int PAGE_SIZE = io.streampulse.webgui.dashboard.StreamView.PAGE_SIZE;
    private static final String OBSERVER = """
            window.__lat = [];
            if (window.__observer) window.__observer.disconnect();
            window.__observer = new MutationObserver(records => {
              const now = Date.now();
              const seen = el => {
                const m = el && /^t=(\\d+)/.exec(el.textContent);
                if (m) window.__lat.push(now - Number(m[1]));
              };
              for (const r of records) {
                const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
                if (el && el.classList.contains('reason')) seen(el);
                // a row that joins the page (a stream off the page that went down moves to the top)
                r.addedNodes.forEach(n => { if (n.nodeName === 'TR') seen(n.querySelector('.reason')); });
              }
            });
            window.__observer.observe(document.getElementById('streams'), {subtree: true, childList: true, characterData: true});
            """;

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int sensors = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long now = System.currentTimeMillis();
        Path dir = Files.createTempDirectory("webgui-bench");
        try (FakeMonitorFeed monitor = new FakeMonitorFeed(); FakeBridgeFeed bridge = new FakeBridgeFeed()) {
            for (int i = 0; i < streams; i++) {
                String id = id(i);
                monitor.change(id, name(i), FakeMonitorFeed.streamJson(id, name(i), "UP", now, 20L + i % 80, "ok"));
            }
            for (int i = 0; i < sensors; i++) {
                bridge.change("d" + i, FakeBridgeFeed.doorJson("d" + i, "Door " + i, "closed", 75, now));
            }
            try (WebguiServer server = WebguiServer.start(dir, "streams: []\n", LivePeers.of(monitor.url(), bridge.url()))) {
                server.addUser("bench", "bench-password-1", Role.ADMIN);
                LiveBoard board = server.bean(LiveBoard.class);
                long waitUntil = System.currentTimeMillis() + 60_000;
                while (board.snapshot().streams().size() < streams || board.snapshot().devices().size() < sensors) {
                    if (System.currentTimeMillis() > waitUntil) {
                        throw new IllegalStateException("the webgui did not get the feeds' snapshots within 60 s");
                    }
                    Thread.sleep(100); // a bench waiting for a start-up, not a test
                }
                System.out.printf(Locale.ROOT, "webgui bench: %d streams, %d sensors (fake monitor + fake bridge, "
                        + "webgui in process, headless Chromium)%n", streams, sensors);
                serverRender(server);
                try (Browser browser = Browser.open()) {
                    browser.signIn(server.url(), "bench", "bench-password-1", "/");
                    domReady(browser, server);
                    // problems first (the default): streams off the page going down join its top
                    int onPage = Math.min(streams, PAGE_SIZE);
                    int joining = Math.min(50, streams - onPage);
                    live(browser, monitor, n -> onPage + n, joining, "problems first: " + joining
                            + " streams off the page go down, 10/s, each joins the page", joining, joining * 100L,
                            "DOWN", joining);
                    // the page a user has open: the first 100 by name; events for streams on it
                    browser.go(server.url("/?sort=name"));
                    live(browser, monitor, n -> n, onPage, "spread: 1,000 events over 10 s (100/s) to the streams "
                            + "on the page", 1000, 10_000, null, 1);
                    live(browser, monitor, n -> n, streams, "burst: every stream at once (the " + onPage
                            + " on the page measured)", streams, 0, null, onPage);
                }
            }
        }
    }

    private static void serverRender(WebguiServer server) throws java.io.IOException {
        FormClient client = new FormClient(server.url()).signIn("bench", "bench-password-1");
        for (int i = 0; i < 20; i++) {
            client.get("/"); // warm-up: template cache, JIT
        }
        List<Double> times = new ArrayList<>();
        String page = "";
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            page = client.get("/").body();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        int bytes = page.length();
        String dump = System.getenv("DUMP_PAGE"); // the page as served, to look at it in a browser by hand
        if (dump != null) {
            Files.writeString(Path.of(dump), page);
        }
        System.out.printf(Locale.ROOT, "server render of / (%d kB, 50 requests after 20 warm-up): p50 %.1f ms, "
                        + "p99 %.1f ms (target <= %.0f ms: ratio %.2f)%n", bytes / 1024, pct(times, 50),
                pct(times, 99), RENDER_TARGET_MS, pct(times, 99) / RENDER_TARGET_MS);
    }

    private static void domReady(Browser browser, WebguiServer server) {
        List<Double> ready = new ArrayList<>();
        List<Double> response = new ArrayList<>();
        List<Double> parsed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            browser.go(server.url("/"));
            @SuppressWarnings("unchecked")
            Map<String, Object> n = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntriesByType('navigation')[0].toJSON();");
            if (i >= 2) {
                ready.add(((Number) n.get("domContentLoadedEventEnd")).doubleValue());
                response.add(((Number) n.get("responseEnd")).doubleValue());
                parsed.add(((Number) n.get("domInteractive")).doubleValue());
            }
        }
        System.out.printf(Locale.ROOT, "Chromium: navigation start to DOMContentLoaded (6 loads after 2 warm-up): "
                + "p50 %.0f ms, max %.0f ms (target <= %.0f ms: ratio %.2f); of which the page received p50 %.0f ms, "
                + "parsed (DOM interactive) p50 %.0f ms%n", pct(ready, 50), pct(ready, 100), RENDER_TARGET_MS,
                pct(ready, 50) / RENDER_TARGET_MS, pct(response, 50), pct(parsed, 50));
    }

    /**
     * Sends {@code events} changes spread over {@code spreadMillis} (0: at once), event i (or a random one when
     * spread) to stream {@code pick(n)} for n below {@code range}, and reports event -> DOM for those that land.
     */
    private static void live(Browser browser, FakeMonitorFeed monitor, IntUnaryOperator pick, int range, String label,
                             int events, long spreadMillis, String fixedState, int expected) throws InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.await(d -> "online".equals(browser.find("body").getAttribute("data-live")));
        js.executeScript(OBSERVER);
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            if (spreadMillis > 0) {
                long due = start + spreadMillis * 1_000_000L * i / events;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
            }
            int n = pick.applyAsInt(spreadMillis > 0 && fixedState == null ? ThreadLocalRandom.current().nextInt(range) : i);
            long sent = System.currentTimeMillis();
            String state = fixedState != null ? fixedState : ThreadLocalRandom.current().nextBoolean() ? "DOWN" : "UP";
            monitor.change(id(n), name(n), FakeMonitorFeed.streamJson(id(n), name(n), state, sent, null,
                    "t=" + sent));
        }
        long deadline = System.currentTimeMillis() + 15_000;
        long seen;
        long last = -1;
        // wait until the page stops receiving (coalescing means fewer DOM changes than events in a spread run)
        while (true) {
            Thread.sleep(500);
            seen = (Long) js.executeScript("return window.__lat.length;");
            if ((seen >= expected && seen == last) || System.currentTimeMillis() > deadline) {
                break;
            }
            last = seen;
        }
        @SuppressWarnings("unchecked")
        List<Object> raw = (List<Object>) js.executeScript("return window.__lat;");
        List<Double> latencies = raw.stream().map(o -> ((Number) o).doubleValue()).toList();
        System.out.printf(Locale.ROOT, "event -> DOM, %s: %d events, %d DOM updates seen: p50 %.0f ms, p99 %.0f ms, "
                        + "max %.0f ms (target p99 <= %.0f ms: ratio %.2f)%n", label, events, latencies.size(),
                pct(latencies, 50), pct(latencies, 99), pct(latencies, 100), LIVE_TARGET_MS,
                pct(latencies, 99) / LIVE_TARGET_MS);
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "s%04d", i);
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "Camera %04d", i);
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
