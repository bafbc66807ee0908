package io.streampulse.monitor.history;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A stream known to the history, under the small key its rows use. The root of {@link HistoryRepository}. */
@MappedEntity("stream")
public record StreamRow(@Id Integer streamKey, String streamId) {
}
