package io.streampulse.bridge.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.streampulse.bridge.yolink.cloud.AccessToken;
import io.streampulse.bridge.yolink.cloud.YoLinkCloud;
import io.streampulse.bridge.yolink.cloud.YoLinkCloudException;
import io.streampulse.bridge.yolink.cloud.YoLinkEndpoints;
import io.streampulse.shared.config.ConfigWatcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code POST /api/yolink/test}: "test connection" for the web UI's YoLink settings. Runs the token exchange (and
 * {@code Home.getGeneralInfo}) with the given credentials, falling back to the saved ones per field, on a
 * throwaway client: the running session is not touched. Answer {@code {ok, message, home_id?, reason?}} with the
 * cloud's own words; 400 for a bad body or nothing to test.
 */
@Controller("/api/yolink")
public class YoLinkTestController {

    private final ConfigWatcher config;
    private final JsonMapper json;

    public YoLinkTestController(ConfigWatcher config, JsonMapper json) {
        this.config = config;
        this.json = json;
    }

    @Post("/test")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> test(@Nullable @Body String body) {
        YoLinkTestRequest request;
        YoLinkEndpoints endpoints;
        try {
            request = YoLinkTestRequest.parse(json, body, config.current().config().yolink());
            endpoints = YoLinkEndpoints.under(request.apiUrl());
        } catch (IllegalArgumentException e) {
            return ApiError.badRequest(e.getMessage());
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "yolink-test");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        try (YoLinkCloud cloud = new YoLinkCloud(endpoints, request.uaid(), request.secretKey(), scheduler,
                System::currentTimeMillis)) {
            AccessToken token = cloud.renewToken();
            String home = cloud.homeId();
            answer.put("ok", true);
            answer.put("message", "YoLink accepted the credentials: token valid " + token.expiresInSeconds()
                    + " s, home " + home);
            answer.put("home_id", home);
        } catch (YoLinkCloudException e) {
            answer.put("ok", false);
            answer.put("reason", e.reason().name());
            answer.put("message", e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
        return HttpResponse.ok(answer);
    }
}
