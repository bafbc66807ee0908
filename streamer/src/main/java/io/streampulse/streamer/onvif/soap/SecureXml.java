package io.streampulse.streamer.onvif.soap;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Parses untrusted XML (SOAP bodies, discovery datagrams) with DTDs refused outright, so neither external entities
 * (XXE) nor entity expansion (billion laughs) can happen, and without the JDK parser's own stderr output.
 */
public final class SecureXml {

    /** Bodies larger than this are refused before parsing (an ONVIF request is a few KiB). */
    public static final int MAX_BYTES = 64 * 1024;

    static final int MAX_DEPTH = 64;
    private static final DocumentBuilderFactory FACTORY = factory();

    private SecureXml() {
    }

    public static Document parse(byte[] xml) throws SoapFault {
        if (xml.length == 0) {
            throw SoapFault.sender("Empty body: expected a SOAP 1.2 envelope", "ter:WellFormed");
        }
        if (xml.length > MAX_BYTES) {
            throw SoapFault.sender("Body of " + xml.length + " bytes is larger than the " + MAX_BYTES
                    + " bytes accepted", "ter:WellFormed");
        }
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw SoapFault.sender("Malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage(), "ter:WellFormed");
        } catch (SAXException | IOException e) {
            throw SoapFault.sender("Malformed XML: " + e.getMessage(), "ter:WellFormed");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the secure settings", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // deep nesting would overflow the stack of whoever walks the tree; ONVIF requests nest < 10 deep
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the secure settings", e);
        }
        return factory;
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a request malformed
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
