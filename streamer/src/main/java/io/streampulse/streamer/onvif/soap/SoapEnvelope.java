package io.streampulse.streamer.onvif.soap;

/** Wraps response bodies and faults in a SOAP 1.2 envelope with the prefixes ONVIF clients expect. */
public final class SoapEnvelope {

    public static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<env:Envelope xmlns:env=\"" + Namespaces.SOAP12 + "\""
            + " xmlns:tt=\"" + Namespaces.SCHEMA + "\""
            + " xmlns:tds=\"" + Namespaces.DEVICE + "\""
            + " xmlns:trt=\"" + Namespaces.MEDIA + "\""
            + " xmlns:ter=\"" + Namespaces.ERROR + "\">";

    private SoapEnvelope() {
    }

    public static String wrap(String body) {
        return OPEN + "<env:Body>" + body + "</env:Body></env:Envelope>";
    }

    /** {@code env:Fault} with nested subcodes and an English reason. */
    public static String fault(SoapFault fault) {
        Xml xml = Xml.create().open("env:Fault").open("env:Code").text("env:Value", fault.code().qname);
        for (String subcode : fault.subcodes()) {
            xml.open("env:Subcode").text("env:Value", subcode);
        }
        for (int i = 0; i < fault.subcodes().size(); i++) {
            xml.close("env:Subcode");
        }
        xml.close("env:Code")
                .open("env:Reason").open("env:Text", "xml:lang", "en").raw(Xml.escape(fault.reason()))
                .close("env:Text").close("env:Reason")
                .close("env:Fault");
        return wrap(xml.toString());
    }
}
