package io.streampulse.bridge.sia;

import io.streampulse.shared.health.HealthContributor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The SIA link on /health: target, last answer and last error. Unhealthy while the last message went unanswered. */
public final class SiaHealth implements HealthContributor {

    private final SiaReceiver receiver;

    public SiaHealth(SiaReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public String name() {
        return "sia";
    }

    @Override
    public boolean healthy() {
        return !receiver.enabled() || receiver.status().healthy();
    }

    @Override
    public Map<String, Object> details() {
        SiaLinkStatus status = receiver.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", receiver.enabled());
        details.put("target", receiver.settings().target());
        details.put("format", receiver.settings().format().name());
        details.put("encrypted", receiver.settings().cipher() != null);
        details.put("last_answer", status.lastAnswer() == null ? "none yet" : status.lastAnswer());
        if (status.lastAnswerAt() != null) {
            details.put("last_answer_at", status.lastAnswerAt().toString());
        }
        if (status.lastError() != null) {
            details.put("last_error", status.lastError());
            details.put("last_error_at", status.lastErrorAt().toString());
        }
        return details;
    }
}
