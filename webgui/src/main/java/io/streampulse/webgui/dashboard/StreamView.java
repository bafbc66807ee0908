package io.streampulse.webgui.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.streampulse.webgui.live.StreamRow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which streams the dashboard shows: a search, a state filter, an order and one page of {@link #PAGE_SIZE} rows
 * (pure). A site with 1,000 cameras gets a page the server renders and the browser lays out in a few
 * milliseconds, problems first by default; {@code static/js/dashboard.js} applies the same rules to the live
 * snapshot, so both must agree: names compare lower-cased by UTF-16 code unit (JavaScript's {@code <}), ties by id.
 * Unknown values fall back to the defaults instead of failing: these come from a URL a user may have edited.
 */
public record StreamView(String query, String state, String sort, int page) {

    public static final int PAGE_SIZE = 100;
    /** The filter keys in the order "problems first" shows them. */
    public static final List<String> STATES = List.of("down", "degraded", "pending", "unknown", "up");
    public static final List<String> SORTS = List.of("state", "name", "latency");

    public static StreamView of(@Nullable String query, @Nullable String state, @Nullable String sort,
                                @Nullable String page) {
        return new StreamView(query == null ? "" : query.strip(),
                state != null && STATES.contains(state) ? state : "",
                sort != null && SORTS.contains(sort) ? sort : SORTS.get(0),
                pageNumber(page));
    }

    private static int pageNumber(@Nullable String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The rows of this page (the page clamped to the last one), with the counts the page header shows. */
    public Page apply(List<StreamRow> all) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0));
        all.forEach(s -> counts.merge(s.stateKey(), 1, Integer::sum));
        String needle = query.toLowerCase(Locale.ROOT);
        List<StreamRow> matching = all.stream()
                .filter(s -> state.isEmpty() || state.equals(s.stateKey()))
                .filter(s -> needle.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(order())
                .toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(page, pages);
        int from = (shown - 1) * PAGE_SIZE;
        List<StreamRow> rows = matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE));
        return new Page(rows, all.size(), matching.size(), shown, pages, from, counts);
    }

    private Comparator<StreamRow> order() {
        Comparator<StreamRow> byName = Comparator.comparing((StreamRow s) -> s.name().toLowerCase(Locale.ROOT))
                .thenComparing(StreamRow::id);
        return switch (sort) {
            case "name" -> byName;
            case "latency" -> Comparator.comparing((StreamRow s) -> s.latencyMs() == null ? -1 : s.latencyMs(),
                    Comparator.reverseOrder()).thenComparing(byName);
            default -> Comparator.comparing((StreamRow s) -> STATES.indexOf(s.stateKey())).thenComparing(byName);
        };
    }

    /** The link to another page of this view (the parameters that differ from the defaults only). */
    public String link(int toPage) {
        StringBuilder url = new StringBuilder("/");
        char sep = '?';
        for (var p : new String[][]{{"q", query}, {"state", state}, {"sort", sort.equals(SORTS.get(0)) ? "" : sort},
                {"page", toPage == 1 ? "" : Integer.toString(toPage)}}) {
            if (!p[1].isEmpty()) {
                url.append(sep).append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return url.toString();
    }

    /**
     * One page of the view.
     *
     * @param total    every stream on the board
     * @param matching the streams the search and filter keep
     * @param from     the index in {@code matching} of this page's first row
     * @param counts   streams per state key over the whole board, in {@link #STATES} order
     */
    public record Page(List<StreamRow> rows, int total, int matching, int page, int pages, int from,
                       Map<String, Integer> counts) {

        /** "1–100 of 1000", "1–12 of 12 matching", or why the table is empty (dashboard.js writes the same). */
        public String summary() {
            if (matching == 0) {
                return total == 0 ? "" : "No stream matches the search or filter.";
            }
            return (from + 1) + "–" + (from + rows.size()) + " of " + matching + (matching < total ? " matching" : "");
        }
    }
}
