-- Heartbeat history. Rows are kept small because raw beats are many (1,000 streams at 20 s: 4.3 million a day):
-- streams and messages are stored once and referred to by integer keys, codes are small integers, and the
-- tables keyed by (stream, time) are WITHOUT ROWID so the key is the only index.
-- state: 1 up, 2 degraded, 3 down, 4 pending. kind: 1 rtsp, 2 http, 3 frame. Times: UTC epoch milliseconds.

CREATE TABLE stream (
    stream_key INTEGER PRIMARY KEY,
    stream_id  TEXT NOT NULL UNIQUE
);

CREATE TABLE message (
    message_key INTEGER PRIMARY KEY,
    text        TEXT NOT NULL UNIQUE
);

CREATE TABLE heartbeat (
    stream_key  INTEGER NOT NULL,
    ts          INTEGER NOT NULL,
    state       INTEGER NOT NULL,
    latency_ms  INTEGER,
    message_key INTEGER,
    kind        INTEGER NOT NULL,
    important   INTEGER NOT NULL,
    PRIMARY KEY (stream_key, ts)
) WITHOUT ROWID;

-- State changes: the SLA and the event list read only these.
CREATE INDEX heartbeat_change ON heartbeat (stream_key, ts) WHERE important = 1;

-- Aggregates per bucket (resolution 1 minute, 2 hour, 3 day; bucket: its start, UTC), kept up to date on write.
CREATE TABLE stat (
    stream_key     INTEGER NOT NULL,
    resolution     INTEGER NOT NULL,
    bucket         INTEGER NOT NULL,
    up_count       INTEGER NOT NULL,
    degraded_count INTEGER NOT NULL,
    down_count     INTEGER NOT NULL,
    pending_count  INTEGER NOT NULL,
    latency_min    INTEGER,
    latency_max    INTEGER,
    latency_sum    INTEGER NOT NULL,
    latency_count  INTEGER NOT NULL,
    PRIMARY KEY (stream_key, resolution, bucket)
) WITHOUT ROWID;
