package io.streampulse.streamer.onvif;

import io.streampulse.streamer.onvif.device.DeviceService;
import io.streampulse.streamer.onvif.media.MediaService;
import io.streampulse.streamer.onvif.soap.Namespaces;
import io.streampulse.streamer.onvif.soap.SoapEnvelope;
import io.streampulse.streamer.onvif.soap.SoapFault;
import io.streampulse.streamer.onvif.soap.SoapRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The ONVIF endpoint without sockets: request bytes and context in, status and SOAP envelope out. Operations are
 * routed by their namespace (device or media), not by the path they were posted to, since clients disagree on
 * which XAddr they use for what; an operation of any other namespace (Media2, PTZ, events...) is
 * ter:ActionNotSupported.
 */
public final class OnvifService {

    private static final Logger LOG = LoggerFactory.getLogger(OnvifService.class);

    private final OnvifAuth auth;
    private final DeviceService device;
    private final MediaService media;

    public OnvifService(OnvifAuth auth, DeviceService device, MediaService media) {
        this.auth = auth;
        this.device = device;
        this.media = media;
    }

    public OnvifResponse handle(byte[] body, RequestContext context) {
        String operation = "?";
        try {
            SoapRequest request = SoapRequest.parse(body);
            operation = request.operation();
            Optional<String> refused = auth.check(request, context);
            if (refused.isPresent()) {
                return new OnvifResponse(401, SoapEnvelope.fault(SoapFault.notAuthorized(refused.get())),
                        auth.challenges());
            }
            String answer = switch (request.namespace()) {
                case Namespaces.DEVICE -> device.handle(request, context);
                case Namespaces.MEDIA -> media.handle(request, context);
                default -> throw SoapFault.notSupported(request.operation() + " (namespace '"
                        + request.namespace() + "')");
            };
            return new OnvifResponse(200, SoapEnvelope.wrap(answer), List.of());
        } catch (SoapFault fault) {
            LOG.info("ONVIF: {} from {} answered with a fault {}: {}", operation, context.host(),
                    fault.subcodes(), fault.reason());
            return new OnvifResponse(fault.httpStatus(), SoapEnvelope.fault(fault), List.of());
        }
    }
}
