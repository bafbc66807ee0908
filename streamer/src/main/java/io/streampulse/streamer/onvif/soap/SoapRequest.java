package io.streampulse.streamer.onvif.soap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed SOAP 1.2 request: the operation (the first element inside {@code Body}, by namespace and local name),
 * its element for the parameters, and the WS-Security UsernameToken of the header if there is one. Pure: bytes in.
 */
public record SoapRequest(String namespace, String operation, Element body, Optional<UsernameToken> token) {

    public static SoapRequest parse(byte[] xml) throws SoapFault {
        Document document = SecureXml.parse(xml);
        Element envelope = document.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName())) {
            throw SoapFault.sender("The root element is <" + envelope.getNodeName() + ">, expected a SOAP 1.2 "
                    + "Envelope", "ter:WellFormed");
        }
        if (!Namespaces.SOAP12.equals(envelope.getNamespaceURI())) {
            throw new SoapFault(SoapFault.Code.VERSION_MISMATCH, "The Envelope's namespace is '"
                    + envelope.getNamespaceURI() + "'; this device speaks SOAP 1.2 (" + Namespaces.SOAP12 + ")");
        }
        Element header = child(envelope, Namespaces.SOAP12, "Header");
        Element body = child(envelope, Namespaces.SOAP12, "Body");
        if (body == null) {
            throw SoapFault.sender("The Envelope has no Body", "ter:WellFormed");
        }
        List<Element> operations = children(body);
        if (operations.isEmpty()) {
            throw SoapFault.sender("The Body is empty: expected one operation", "ter:WellFormed");
        }
        Element operation = operations.get(0);
        String namespace = operation.getNamespaceURI() == null ? "" : operation.getNamespaceURI();
        return new SoapRequest(namespace, operation.getLocalName(), operation,
                header == null ? Optional.empty() : usernameToken(header));
    }

    /** The text of the first descendant of the operation with this local name (any namespace), trimmed. */
    public Optional<String> text(String localName) {
        return descendant(body, localName).map(element -> element.getTextContent().strip());
    }

    /** The first descendant of the operation with this local name (any namespace). */
    public Optional<Element> element(String localName) {
        return descendant(body, localName);
    }

    private static Optional<UsernameToken> usernameToken(Element header) throws SoapFault {
        Optional<Element> token = descendant(header, "UsernameToken")
                .filter(element -> Namespaces.WSSE.equals(element.getNamespaceURI()));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Element password = descendant(token.get(), "Password").orElseThrow(() ->
                SoapFault.notAuthorized("the UsernameToken has no Password"));
        String type = password.getAttribute("Type");
        return Optional.of(new UsernameToken(
                descendant(token.get(), "Username").map(e -> e.getTextContent().strip()).orElse(""),
                password.getTextContent().strip(),
                Namespaces.PASSWORD_DIGEST.equals(type),
                descendant(token.get(), "Nonce").map(e -> e.getTextContent().strip()).orElse(""),
                descendant(token.get(), "Created").map(e -> e.getTextContent().strip()).orElse("")));
    }

    static Optional<Element> descendant(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                if (localName.equals(element.getLocalName())) {
                    return Optional.of(element);
                }
                Optional<Element> deeper = descendant(element, localName);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Element element : children(parent)) {
            if (localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
