package io.streampulse.webgui.sensors;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.WebSession;
import io.streampulse.webgui.settings.ConfigSaver;
import io.streampulse.webgui.settings.ConfigSnapshot;
import io.streampulse.webgui.settings.FormEdit;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /sensors}: the bridge's devices beside their mappings; {@code /sensors/<id>}: one device, its mapping
 * form ({@code POST /sensors/<id>/mapping}, saved through the config writer) and its delivery log with each
 * receiver's answer. With the bridge down, both pages still show the mappings from config.yaml, under a banner.
 */
@Controller("/sensors")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SensorsController {

    static final int DELIVERIES = 50;
    static final int EVENTS = 20;

    private final BridgeClient bridge;
    private final ConfigSnapshot snapshot;
    private final ConfigSaver saver;

    public SensorsController(BridgeClient bridge, ConfigSnapshot snapshot, ConfigSaver saver) {
        this.bridge = bridge;
        this.snapshot = snapshot;
        this.saver = saver;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list() {
        SuiteConfig config = snapshot.read().config();
        Map<String, Object> model = new HashMap<>();
        List<BridgeDevice> devices = List.of();
        try {
            devices = bridge.devices();
        } catch (BridgeUnavailableException e) {
            model.put("bridgeError", e.getMessage());
        }
        model.put("rows", SensorRow.merge(devices, config.devices(), config.timezone()));
        return new ModelAndView<>("sensors", model);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> device(String id, @QueryValue(defaultValue = "") String saved) {
        if (!MappingForm.DEVICE_ID.matcher(id).matches()) {
            return HttpResponse.notFound("no device '" + id + "'");
        }
        return HttpResponse.ok(view(id, null, Map.of(), null, saved.equals("1") ? "Mapping saved." : null));
    }

    @Post(value = "/{id}/mapping", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> save(String id, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                @Body Map<String, String> form) {
        if (!MappingForm.DEVICE_ID.matcher(id).matches()) {
            return HttpResponse.notFound("no device '" + id + "'");
        }
        int channels = snapshot.read().config().receivers().modbus().channels();
        FormEdit edit = MappingForm.read(id, form, channels);
        if (!edit.valid()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(view(id, form, edit.errors(), "Nothing was saved: fix the marked fields.", null));
        }
        String prefix = "devices." + id + ".";
        ConfigSaver.Outcome outcome = saver.save("mapping of " + id, session.username(), edit::applyTo,
                path -> path.startsWith(prefix) ? path.substring(prefix.length()) : null);
        if (!outcome.written()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(id, form, outcome.errors(),
                    outcome.failure() != null ? outcome.failure() : "Nothing was saved: fix the marked fields.", null));
        }
        return HttpResponse.seeOther(URI.create("/sensors/" + id + "?saved=1"));
    }

    private ModelAndView<Map<String, Object>> view(String id, Map<String, String> typed, Map<String, String> errors,
                                                   String failure, String notice) {
        SuiteConfig config = snapshot.read().config();
        Map<String, Object> model = new HashMap<>();
        Optional<BridgeDevice> device = Optional.empty();
        try {
            device = bridge.devices().stream().filter(d -> d.deviceId().equals(id)).findFirst();
            model.put("deliveries", bridge.deliveries(id, DELIVERIES).stream()
                    .map(d -> DeliveryLine.of(d, config.timezone())).toList());
        } catch (BridgeUnavailableException e) {
            model.put("bridgeError", e.getMessage());
        }
        if (device.isPresent()) {
            try {
                model.put("events", bridge.events(id, EVENTS).stream()
                        .map(e -> EventLine.of(e, config.timezone())).toList());
            } catch (BridgeUnavailableException e) {
                model.put("eventsError", e.getMessage()); // e.g. the bridge's Redis is down: the rest still shows
            }
        }
        Optional<DeviceMapping> mapping = Optional.ofNullable(config.devices().get(id));
        String name = device.map(BridgeDevice::name).or(() -> mapping.map(DeviceMapping::name))
                .filter(n -> n != null && !n.isBlank()).orElse(id);
        model.put("row", new SensorRow(id, name, device, mapping, config.timezone()));
        model.put("values", typed != null ? typed : MappingValues.of(mapping, name));
        model.put("relayChannels", config.receivers().modbus().channels());
        model.put("receiverNames", DeviceMapping.RECEIVER_NAMES);
        model.put("errors", errors);
        model.put("failure", failure);
        model.put("notice", notice);
        return new ModelAndView<>("sensor", model);
    }
}
