package io.streampulse.bridge.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One write-behind round trip as the arguments of {@link #SCRIPT} (pure). The hash writes and stream entries go
 * as one JSON argument rather than one argument per field: lettuce's per-argument encoding was most of its event
 * loop's CPU per report, and Redis's cjson decodes the lot in C.
 */
final class WriteBatch {

    /**
     * KEYS: the index set, the stream, then each written device's hash. ARGV[1]: the stream's MAXLEN; ARGV[2]:
     * {@code [[[whole, id, [field, value, ...], [field to delete, ...]], ...], [[field, value, ...], ...]]}, the
     * hash writes then the stream entries. A whole write replaces the hash (so an attribute that disappeared does
     * not linger); a changed-fields write is skipped if the hash is gone, and its id returned to be written whole.
     */
    static final String SCRIPT = """
            local batch = cjson.decode(ARGV[2])
            local gone = {}
            for d, write in ipairs(batch[1]) do
              local key, whole, id, set, del = KEYS[d + 2], write[1], write[2], write[3], write[4]
              if whole then redis.call('DEL', key) end
              if whole or redis.call('EXISTS', key) == 1 then
                if #set > 0 then redis.call('HSET', key, unpack(set)) end
                if #del > 0 then redis.call('HDEL', key, unpack(del)) end
                redis.call('SADD', KEYS[1], id)
              else
                gone[#gone + 1] = id
              end
            end
            for _, entry in ipairs(batch[2]) do
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', unpack(entry))
            end
            return gone
            """;

    private static final JsonFactory JSON = new JsonFactory();

    /** A device's hash: {@code base} is what Redis acknowledged last (null: write it whole). */
    record HashWrite(String deviceId, Map<String, String> fields, Map<String, String> base) {
    }

    record Request(String[] keys, String[] args) {
    }

    private WriteBatch() {
    }

    static Request encode(List<HashWrite> hashes, List<Map<String, String>> entries, long streamMaxLength) {
        List<String> keys = new ArrayList<>(hashes.size() + 2);
        keys.add(RedisKeys.DEVICES);
        keys.add(RedisKeys.EVENTS);
        StringWriter out = new StringWriter(256 * (hashes.size() + entries.size()) + 16);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            json.writeStartArray();
            for (HashWrite hash : hashes) {
                keys.add(RedisKeys.device(hash.deviceId()));
                writeHash(json, hash);
            }
            json.writeEndArray();
            json.writeStartArray();
            for (Map<String, String> entry : entries) {
                json.writeStartArray();
                writePairs(json, entry, null);
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return new Request(keys.toArray(String[]::new),
                new String[]{Long.toString(streamMaxLength), out.toString()});
    }

    private static void writeHash(JsonGenerator json, HashWrite hash) throws IOException {
        Map<String, String> base = hash.base();
        json.writeStartArray();
        json.writeBoolean(base == null);
        json.writeString(hash.deviceId());
        json.writeStartArray();
        writePairs(json, hash.fields(), base);
        json.writeEndArray();
        json.writeStartArray();
        if (base != null) {
            for (String field : base.keySet()) {
                if (!hash.fields().containsKey(field)) {
                    json.writeString(field);
                }
            }
        }
        json.writeEndArray();
        json.writeEndArray();
    }

    /** The pairs whose value differs from {@code base} (all of them without one). */
    private static void writePairs(JsonGenerator json, Map<String, String> fields, Map<String, String> base)
            throws IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (base == null || !field.getValue().equals(base.get(field.getKey()))) {
                json.writeString(field.getKey());
                json.writeString(field.getValue());
            }
        }
    }
}
