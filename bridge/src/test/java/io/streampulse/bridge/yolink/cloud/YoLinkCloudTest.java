package io.streampulse.bridge.yolink.cloud;

import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a fake YoLink cloud on a real socket. */
class YoLinkCloudTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private FakeYoLinkCloud fake;
    private YoLinkCloud cloud;

    @AfterEach
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (fake != null) {
            fake.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void homeAndDeviceList_goodCredentials_everyFieldKept() throws Exception {
        fake = new FakeYoLinkCloud("ua_1", "sec_1", 7200).withDevice("d1", "Back door", "DoorSensor", "YS7704-UC");
        cloud = client("ua_1", "sec_1");

        assertEquals(FakeYoLinkCloud.HOME_ID, cloud.homeId());
        List<YoLinkDevice> devices = cloud.deviceList();

        assertEquals(1, devices.size());
        YoLinkDevice door = devices.get(0);
        assertEquals("d1", door.deviceId());
        assertEquals("net-d1", door.token());
        assertEquals("udid-d1", door.deviceUdid());
        assertEquals("YS7704-UC", door.modelName());
        assertEquals("us_west_1", door.fields().get("serviceZone"));
        assertEquals(1, fake.tokensIssued(), "one token serves both calls");
        assertEquals(CloudStatus.State.OK, cloud.status().state());
    }

    @Test
    void token_wrongSecret_credentialsRejectedWithAClearMessage() {
        fake = new FakeYoLinkCloud("ua_1", "sec_1", 7200);
        cloud = client("ua_1", "wrong");

        YoLinkCloudException error = assertThrows(YoLinkCloudException.class, cloud::homeId);

        assertEquals(YoLinkCloudException.Reason.CREDENTIALS_REJECTED, error.reason());
        assertTrue(error.getMessage().contains("Not Support") && error.getMessage().contains("yolink.uaid"),
                error.getMessage());
        assertEquals(CloudStatus.State.CREDENTIALS_REJECTED, cloud.status().state());
        assertEquals(error.getMessage(), cloud.status().error());
    }

    @Test
    void start_shortLivedToken_renewedOnScheduleBeforeItExpires() throws Exception {
        fake = new FakeYoLinkCloud("ua_1", "sec_1", 2);
        cloud = client("ua_1", "sec_1");
        List<AccessToken> renewed = new CopyOnWriteArrayList<>();
        CompletableFuture<AccessToken> second = new CompletableFuture<>();
        cloud.onTokenRenewed(token -> {
            renewed.add(token);
            if (renewed.size() == 2) {
                second.complete(token);
            }
        });

        cloud.start();
        AccessToken next = second.get(5, TimeUnit.SECONDS);

        AccessToken first = renewed.get(0);
        assertEquals("token-1", first.value());
        assertEquals("token-2", next.value());
        assertTrue(next.obtainedAtMillis() < first.expiresAtMillis(), "renewed before the first token expired");
        assertTrue(next.obtainedAtMillis() - first.obtainedAtMillis() >= 1500, "at 80 % of 2 s, not at once");
    }

    @Test
    void call_tokenRevoked_renewedOnceAndCallRepeated() throws Exception {
        fake = new FakeYoLinkCloud("ua_1", "sec_1", 7200);
        cloud = client("ua_1", "sec_1");
        cloud.homeId();
        fake.revokeTokens();

        assertEquals(FakeYoLinkCloud.HOME_ID, cloud.homeId());

        assertEquals(2, fake.tokensIssued());
    }

    @Test
    void token_nobodyListening_unreachable() {
        cloud = new YoLinkCloud(YoLinkEndpoints.under("http://127.0.0.1:" + FreePorts.next()), "ua", "sec",
                scheduler, System::currentTimeMillis);

        YoLinkCloudException error = assertThrows(YoLinkCloudException.class, cloud::deviceList);

        assertEquals(YoLinkCloudException.Reason.UNREACHABLE, error.reason());
        assertEquals(CloudStatus.State.UNREACHABLE, cloud.status().state());
        assertTrue(error.getMessage().contains("connection refused"), error.getMessage());
    }

    private YoLinkCloud client(String uaid, String secret) {
        return new YoLinkCloud(YoLinkEndpoints.under(fake.baseUrl()), uaid, secret, scheduler,
                System::currentTimeMillis);
    }
}
