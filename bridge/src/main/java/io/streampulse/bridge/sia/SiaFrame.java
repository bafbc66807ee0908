package io.streampulse.bridge.sia;

import java.time.Instant;

/**
 * One DC-09 message or answer, as it reads before encryption.
 *
 * @param id        "SIA-DCS", "ADM-CID", "NULL" (messages) or "ACK", "NAK", "DUH", "RSP" (answers); without the
 *                  '*' that marks an encrypted frame
 * @param sequence  0001–9999 (0000 in a NAK)
 * @param receiver  the R field's hex digits, or null when absent
 * @param line      the L field's hex digits, or null when absent
 * @param account   the account's hex digits (without '#'), or null when absent
 * @param data      what stands between '[' and ']' ("#1234|Nri1/BA001", "#1234|1130 01 003", "" for NULL/ACK)
 * @param timestamp the {@code _HH:MM:SS,MM-DD-YYYY} field (UTC), or null when absent
 */
public record SiaFrame(String id, int sequence, String receiver, String line, String account, String data,
                       Instant timestamp) {

    public static final String SIA_DCS = "SIA-DCS";
    public static final String ADM_CID = "ADM-CID";
    public static final String NULL = "NULL";
    public static final String ACK = "ACK";
    public static final String NAK = "NAK";
    public static final String DUH = "DUH";
    public static final String RSP = "RSP";

    /** The same frame with another timestamp (a resend after a NAK carries the receiver's time). */
    public SiaFrame at(Instant newTimestamp) {
        return new SiaFrame(id, sequence, receiver, line, account, data, newTimestamp);
    }
}
