package io.streampulse.streamer.onvif.media;

import io.streampulse.streamer.onvif.soap.SoapFault;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.Optional;

/**
 * Reads the tt:VideoEncoderConfiguration of a SetVideoEncoderConfiguration request. Elements a client leaves out
 * keep their current values (some NVRs send only what they change); a non-number is a sender fault naming it.
 */
final class EncoderConfigurationReader {

    private EncoderConfigurationReader() {
    }

    static VideoEncoderConfig read(Element configuration, EncoderConfigurations encoders) throws SoapFault {
        String token = configuration.getAttribute("token").strip();
        VideoEncoderConfig current = encoders.byToken(token).orElseThrow(() ->
                SoapFault.invalidArg("No video encoder configuration '" + token + "'", "ter:NoConfig"));
        String encoding = text(configuration, "Encoding").orElse("H264");
        if (!encoding.equals("H264")) {
            throw SoapFault.invalidArg("Encoding " + encoding + " is not offered (H264 only)", "ter:ConfigModify");
        }
        Element resolution = child(configuration, "Resolution").orElse(null);
        Element rate = child(configuration, "RateControl").orElse(null);
        Element h264 = child(configuration, "H264").orElse(null);
        return new VideoEncoderConfig(token, text(configuration, "Name").orElse(current.name()), current.profile(),
                integer(resolution, "Width", current.width()),
                integer(resolution, "Height", current.height()),
                (int) Math.round(number(configuration, "Quality", current.quality())),
                integer(rate, "FrameRateLimit", current.frameRateLimit()),
                integer(rate, "EncodingInterval", current.encodingInterval()),
                integer(rate, "BitrateLimit", current.bitrateKbps()),
                integer(h264, "GovLength", current.govLength()));
    }

    private static int integer(Element parent, String localName, int fallback) throws SoapFault {
        double value = number(parent, localName, fallback);
        if (value != Math.rint(value)) {
            throw SoapFault.invalidArg(localName + " must be a whole number, got " + value, "ter:ConfigModify");
        }
        return (int) value;
    }

    private static double number(Element parent, String localName, double fallback) throws SoapFault {
        Optional<String> text = parent == null ? Optional.empty() : text(parent, localName);
        if (text.isEmpty() || text.get().isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (Double.isNaN(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new NumberFormatException("out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw SoapFault.sender(localName + " '" + text.get() + "' is not a number", "ter:InvalidArgVal",
                    "ter:ConfigModify");
        }
    }

    private static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(element -> element.getTextContent().strip());
    }

    private static Optional<Element> child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
