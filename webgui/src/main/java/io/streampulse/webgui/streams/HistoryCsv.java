package io.streampulse.webgui.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A stream's history as CSV, produced while it is read: the monitor's {@code /history} JSON is parsed token by
 * token and each point becomes a row at once, so only one chunk of rows (8 KiB) is ever held. The monitor caps a
 * reply at 10,000 points and says {@code truncated}; the next page then starts after the last point written.
 */
final class HistoryCsv extends InputStream {

    static final String HEADER = Csv.row("stream", "time_utc", "epoch_ms", "up", "degraded", "down", "pending",
            "latency_min_ms", "latency_avg_ms", "latency_max_ms", "up_ratio");
    private static final JsonFactory JSON = new JsonFactory();
    static final int CHUNK = 8192;

    private final MonitorApi monitor;
    private final String id;
    private final String nameCell;
    private final long to;
    private final String resolution;
    private byte[] chunk;
    private int position;
    private JsonParser page;
    private boolean truncated;
    private long lastTs = Long.MIN_VALUE;
    private boolean finished;

    private HistoryCsv(MonitorApi monitor, String id, String name, long to, String resolution, JsonParser first) {
        this.monitor = monitor;
        this.id = id;
        this.nameCell = Csv.text(name);
        this.to = to;
        this.resolution = resolution;
        this.page = first;
        this.chunk = HEADER.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Asks the monitor for the first page. A refusal (unknown stream, bad window) comes back as the reply, before
     * any byte of CSV exists, so the caller can still answer with an error status.
     */
    static Opened open(MonitorApi monitor, String id, String name, long from, long to, String resolution)
            throws IOException {
        HttpResponse<InputStream> first = monitor.open(path(id, from, to, resolution));
        if (first.statusCode() != 200) {
            try (InputStream body = first.body()) {
                return new Opened(null, new MonitorApi.Reply(first.statusCode(), "", body.readNBytes(4096)));
            }
        }
        return new Opened(new HistoryCsv(monitor, id, name, to, resolution, atPoints(first.body())), null);
    }

    /** The CSV, or the monitor's refusal. */
    record Opened(HistoryCsv csv, MonitorApi.Reply refusal) {
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == chunk.length && !nextChunk()) {
            return -1;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Rows up to {@link #CHUNK} bytes as the current chunk (one network write each); false at the very end. */
    private boolean nextChunk() throws IOException {
        StringBuilder rows = new StringBuilder(CHUNK + 256);
        while (rows.length() < CHUNK && nextRow(rows)) {
            // keep filling
        }
        chunk = rows.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
        return chunk.length > 0;
    }

    /** Appends the next row; false at the end of the last page. */
    private boolean nextRow(StringBuilder rows) throws IOException {
        while (!finished) {
            JsonToken token = page.nextToken();
            if (token == JsonToken.START_OBJECT) {
                rows.append(row(page));
                return true;
            }
            if (token == JsonToken.END_ARRAY || token == null) {
                readTruncated();
                page.close();
                if (truncated && lastTs != Long.MIN_VALUE && lastTs + 1 < to) {
                    HttpResponse<InputStream> next = monitor.open(path(id, lastTs + 1, to, resolution));
                    if (next.statusCode() != 200) {
                        next.body().close();
                        throw new IOException("the monitor stopped serving history at page from " + (lastTs + 1)
                                + ": HTTP " + next.statusCode());
                    }
                    page = atPoints(next.body());
                    truncated = false;
                } else {
                    finished = true;
                }
            }
        }
        return false;
    }

    private String row(JsonParser p) throws IOException {
        long ts = 0;
        String[] cells = {"0", "0", "0", "0", "", "", "", ""};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            String text = value == JsonToken.VALUE_NULL ? "" : p.getText();
            switch (field) {
                case "ts" -> ts = p.getLongValue();
                case "up" -> cells[0] = text;
                case "degraded" -> cells[1] = text;
                case "down" -> cells[2] = text;
                case "pending" -> cells[3] = text;
                case "latency_min" -> cells[4] = text;
                case "latency_avg" -> cells[5] = text;
                case "latency_max" -> cells[6] = text;
                case "up_ratio" -> cells[7] = text;
                default -> p.skipChildren();
            }
        }
        lastTs = ts;
        return Csv.row(nameCell, Instant.ofEpochMilli(ts).toString(), Long.toString(ts), cells[0], cells[1], cells[2],
                cells[3], cells[4], cells[5], cells[6], cells[7]);
    }

    /** After the points array: reads the rest of the object for {@code truncated}. */
    private void readTruncated() throws IOException {
        JsonToken token;
        while ((token = page.nextToken()) != null && token != JsonToken.END_OBJECT) {
            if (token == JsonToken.FIELD_NAME && page.currentName().equals("truncated")) {
                truncated = page.nextToken() == JsonToken.VALUE_TRUE;
            } else if (token == JsonToken.FIELD_NAME) {
                page.nextToken();
                page.skipChildren();
            }
        }
    }

    /** A parser positioned inside the {@code points} array (the monitor writes {@code truncated} after it). */
    private static JsonParser atPoints(InputStream body) throws IOException {
        JsonParser p = JSON.createParser(body);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.close();
            throw new IOException("the monitor's history is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("points") && value == JsonToken.START_ARRAY) {
                return p;
            }
            p.skipChildren();
        }
        p.close();
        throw new IOException("the monitor's history has no points");
    }

    static String path(String id, long from, long to, String resolution) {
        return "/api/streams/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/history?from=" + from + "&to=" + to
                + "&resolution=" + resolution;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        page.close();
    }
}
