package io.streampulse.streamer.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import io.streampulse.streamer.onvif.OnvifEndpoint;
import io.streampulse.streamer.onvif.OnvifResponse;
import io.streampulse.streamer.onvif.RequestContext;
import io.streampulse.streamer.onvif.device.DeviceService;
import io.streampulse.streamer.onvif.soap.SoapEnvelope;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The ONVIF device and media services over HTTP: POST a SOAP 1.2 envelope to {@code /onvif/device_service} or
 * {@code /onvif/media_service}. Thin: the host the client used (for the URIs we hand out) and the Authorization
 * header go to {@link io.streampulse.streamer.onvif.OnvifService}, which does the rest. 404 when ONVIF is off.
 */
@Controller
public class OnvifController {

    private final OnvifEndpoint endpoint;

    public OnvifController(OnvifEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Post(uris = {DeviceService.DEVICE_PATH, DeviceService.MEDIA_PATH}, consumes = MediaType.ALL,
            produces = SoapEnvelope.CONTENT_TYPE)
    public HttpResponse<String> soap(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (endpoint.service().isEmpty()) {
            return HttpResponse.notFound();
        }
        OnvifResponse answer = endpoint.service().get().handle(body == null ? new byte[0] : body,
                context(request));
        MutableHttpResponse<String> response = HttpResponse.<String>status(io.micronaut.http.HttpStatus
                .valueOf(answer.status())).body(answer.body()).contentType(SoapEnvelope.CONTENT_TYPE);
        answer.challenges().forEach(challenge -> response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE,
                challenge));
        return response;
    }

    static RequestContext context(HttpRequest<?> request) {
        InetSocketAddress local = request.getServerAddress();
        HostHeader host = HostHeader.parse(request.getHeaders().get(HttpHeaders.HOST), local);
        return new RequestContext(host.host(), host.port(),
                request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class).orElse(""), Instant.now());
    }
}
