package io.streampulse.streamer.onvif.soap;

import java.util.List;

/**
 * A SOAP 1.2 fault to answer with: the code ({@code env:Sender} for the client's mistakes, {@code env:Receiver}
 * for what this device does not do), ONVIF subcodes (outermost first, e.g. {@code ter:InvalidArgVal},
 * {@code ter:NoProfile}) and a reason a person can read. The HTTP status follows SOAP 1.2's HTTP binding.
 */
public final class SoapFault extends Exception {

    public enum Code {
        SENDER("env:Sender", 400), RECEIVER("env:Receiver", 500), VERSION_MISMATCH("env:VersionMismatch", 500);

        final String qname;
        final int httpStatus;

        Code(String qname, int httpStatus) {
            this.qname = qname;
            this.httpStatus = httpStatus;
        }
    }

    private final Code code;
    private final List<String> subcodes;

    public SoapFault(Code code, String reason, String... subcodes) {
        super(reason, null, false, false);
        this.code = code;
        this.subcodes = List.of(subcodes);
    }

    public static SoapFault sender(String reason, String... subcodes) {
        return new SoapFault(Code.SENDER, reason, subcodes);
    }

    public static SoapFault notSupported(String operation) {
        return new SoapFault(Code.RECEIVER, "The action " + operation + " is not supported by this device",
                "ter:ActionNotSupported");
    }

    public static SoapFault invalidArg(String reason, String subcode) {
        return sender(reason, "ter:InvalidArgVal", subcode);
    }

    public static SoapFault notAuthorized(String reason) {
        return sender("Sender not Authorized: " + reason, "ter:NotAuthorized");
    }

    public Code code() {
        return code;
    }

    public List<String> subcodes() {
        return subcodes;
    }

    public String reason() {
        return getMessage();
    }

    public int httpStatus() {
        return code.httpStatus;
    }
}
