package io.streampulse.streamer.onvif;

import java.nio.charset.StandardCharsets;

/**
 * Request bodies in the shapes ONVIF clients send them: npm onvif (default-namespace operations inside an
 * {@code s:}-prefixed SOAP 1.2 envelope, a wsse Security header with PasswordDigest) and ONVIF Device Manager
 * style (prefixed operations, {@code soap:} envelope).
 */
public final class SoapBodies {

    private SoapBodies() {
    }

    /** npm onvif's unauthenticated GetSystemDateAndTime. */
    public static final String GET_SYSTEM_DATE_AND_TIME = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-"
            + "envelope\"><s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3"
            + ".org/2001/XMLSchema\"><GetSystemDateAndTime xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"
            + "</s:Body></s:Envelope>";

    /** An operation element (with its own xmlns) in an envelope without a Security header. */
    public static byte[] plain(String operation) {
        return envelope("", operation);
    }

    /** An operation element inside an envelope whose header carries a UsernameToken PasswordDigest. */
    public static byte[] withToken(String username, String digest, String nonce, String created, String operation) {
        String header = "<Security s:mustUnderstand=\"1\" xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-"
                + "200401-wss-wssecurity-secext-1.0.xsd\"><UsernameToken><Username>" + username + "</Username>"
                + "<Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-"
                + "1.0#PasswordDigest\">" + digest + "</Password><Nonce EncodingType=\"http://docs.oasis-open.org/"
                + "wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">" + nonce + "</Nonce>"
                + "<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0"
                + ".xsd\">" + created + "</Created></UsernameToken></Security>";
        return envelope(header, operation);
    }

    private static byte[] envelope(String header, String operation) {
        return ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/"
                + "08/addressing\"><s:Header>" + header + "</s:Header><s:Body xmlns:xsi=\"http://www.w3.org/2001/"
                + "XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">" + operation
                + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    public static String device(String inner) {
        return inner.replaceFirst("^<(\\w+)", "<$1 xmlns=\"http://www.onvif.org/ver10/device/wsdl\"");
    }

    public static String media(String inner) {
        return inner.replaceFirst("^<(\\w+)", "<$1 xmlns=\"http://www.onvif.org/ver10/media/wsdl\"");
    }
}
