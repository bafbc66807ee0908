package io.streampulse.streamer.onvif.discovery;

import io.streampulse.streamer.onvif.soap.Namespaces;
import io.streampulse.streamer.onvif.soap.SecureXml;
import io.streampulse.streamer.onvif.soap.SoapFault;
import io.streampulse.streamer.onvif.soap.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * WS-Discovery (2005/04, as ONVIF Core §7 uses it) without sockets: reads a Probe out of a datagram and writes
 * ProbeMatches, Hello and Bye. Anything that is not a Probe (another device's Hello, our own looped-back
 * announcement, garbage) reads as empty.
 */
public final class DiscoveryMessages {

    static final String ACTION_BASE = "http://schemas.xmlsoap.org/ws/2005/04/discovery/";
    static final String MULTICAST_TO = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";
    static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private static final String TYPES = "dn:NetworkVideoTransmitter tds:Device";

    private DiscoveryMessages() {
    }

    /** The Probe in a datagram, or empty for anything else (including malformed XML and DTDs). */
    public static Optional<Probe> probe(byte[] datagram) {
        Document document;
        try {
            document = SecureXml.parse(datagram);
        } catch (SoapFault notXml) {
            return Optional.empty();
        }
        Element envelope = document.getDocumentElement();
        if (!Namespaces.SOAP12.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            return Optional.empty();
        }
        Optional<Element> probe = first(envelope, Namespaces.WS_DISCOVERY, "Probe");
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        String messageId = first(envelope, Namespaces.WS_ADDRESSING, "MessageID")
                .map(element -> element.getTextContent().strip()).orElse("");
        List<String> types = new ArrayList<>();
        Optional<Element> typesElement = first(probe.get(), Namespaces.WS_DISCOVERY, "Types");
        for (String qname : words(typesElement.map(Node::getTextContent).orElse(""))) {
            types.add(expand(typesElement.get(), qname));
        }
        List<String> scopes = words(first(probe.get(), Namespaces.WS_DISCOVERY, "Scopes")
                .map(Node::getTextContent).orElse(""));
        return Optional.of(new Probe(messageId, types, scopes));
    }

    public static byte[] probeMatches(Probe probe, Announcement device, String messageId, int messageNumber) {
        Xml body = Xml.create().open("d:ProbeMatches").open("d:ProbeMatch");
        describe(body, device);
        body.close("d:ProbeMatch").close("d:ProbeMatches");
        return envelope(messageId, "ProbeMatches", ANONYMOUS, probe.messageId(), device, messageNumber,
                body.toString());
    }

    public static byte[] hello(Announcement device, String messageId, int messageNumber) {
        Xml body = Xml.create().open("d:Hello");
        describe(body, device);
        return envelope(messageId, "Hello", MULTICAST_TO, "", device, messageNumber,
                body.close("d:Hello").toString());
    }

    public static byte[] bye(Announcement device, String messageId, int messageNumber) {
        Xml body = Xml.create().open("d:Bye").open("wsa:EndpointReference")
                .text("wsa:Address", device.endpoint()).close("wsa:EndpointReference").close("d:Bye");
        return envelope(messageId, "Bye", MULTICAST_TO, "", device, messageNumber, body.toString());
    }

    private static void describe(Xml xml, Announcement device) {
        xml.open("wsa:EndpointReference").text("wsa:Address", device.endpoint()).close("wsa:EndpointReference")
                .text("d:Types", TYPES).text("d:Scopes", String.join(" ", device.scopes()))
                .text("d:XAddrs", device.xaddr()).text("d:MetadataVersion", 1);
    }

    private static byte[] envelope(String messageId, String action, String to, String relatesTo,
                                   Announcement device, int messageNumber, String body) {
        Xml xml = Xml.create().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .open("env:Envelope", "xmlns:env", Namespaces.SOAP12, "xmlns:wsa", Namespaces.WS_ADDRESSING,
                        "xmlns:d", Namespaces.WS_DISCOVERY, "xmlns:dn", Namespaces.NETWORK,
                        "xmlns:tds", Namespaces.DEVICE)
                .open("env:Header").text("wsa:MessageID", messageId);
        if (!relatesTo.isEmpty()) {
            xml.text("wsa:RelatesTo", relatesTo);
        }
        xml.text("wsa:To", to).text("wsa:Action", ACTION_BASE + action)
                .empty("d:AppSequence", "InstanceId", device.instanceId(), "MessageNumber", messageNumber)
                .close("env:Header").open("env:Body").raw(body).close("env:Body").close("env:Envelope");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A prefixed QName to {namespace}local, resolved where it was written; an undeclared prefix keeps none. */
    private static String expand(Element context, String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? null : qname.substring(0, colon);
        String local = qname.substring(colon + 1);
        String namespace = context.lookupNamespaceURI(prefix);
        return "{" + (namespace == null ? "" : namespace) + "}" + local;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    private static Optional<Element> first(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                if (localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI())) {
                    return Optional.of(element);
                }
                Optional<Element> deeper = first(element, namespace, localName);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }
}
