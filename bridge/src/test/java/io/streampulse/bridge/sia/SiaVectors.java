package io.streampulse.bridge.sia;

import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Frames derived from the DC-09 rules outside this code base: CRC-16/ARC and length by an independent Python
 * implementation, ciphertext by {@code openssl enc -aes-<bits>-cbc -K <key> -iv 0 -nopad} over the '0'-padded
 * plaintext.
 */
final class SiaVectors {

    static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");
    static final String KEY_128 = "000102030405060708090A0B0C0D0E0F";
    static final String KEY_256 = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";

    static final String SIA_DCS_BA =
            "\n3342003C\"SIA-DCS\"0042R0L0#1234[#1234|Nri1/BA003]_10:15:30,11-27-2026\r";
    static final String ADM_CID_OPEN =
            "\nD0230041\"ADM-CID\"0007R1L2#ABC123[#ABC123|1131 01 015]_23:59:59,12-31-2025\r";
    static final String NULL_9999 = "\nBEDF0029\"NULL\"9999R0L0#1234[]_00:00:00,01-01-2026\r";
    static final String ACK_0042 = "\n5BED0014\"ACK\"0042R0L0#1234[]\r";
    static final String NAK = "\n6AEC0025\"NAK\"0000R0L0A0[]_10:16:00,11-27-2026\r";
    static final String DUH_0042 = "\n2B350014\"DUH\"0042R0L0#1234[]\r";
    static final String SIA_DCS_BA_AES128 = "\n23FD0078\"*SIA-DCS\"0042R0L0#1234["
            + "4E8BA30995D812705944FAC055B52E5F67CD43C0B9C225A968420D9EB32153C12D6384E309F9E2741EBA34B3ED508D13\r";
    static final String SIA_DCS_BA_AES256 = "\n174C0078\"*SIA-DCS\"0042R0L0#1234["
            + "6156C3A685319121DA54E3BBB8A3F22E6F3BF9D9AB319C1CD229292B7E3ADBEF6223C70AF085A576F7B162C05B8E8F4D\r";
    /** pysiaalarm's encrypted ACK form: pad + "]" + timestamp, AES-128. */
    static final String ACK_0042_AES128 = "\n7F4D0054\"*ACK\"0042R0L0#1234["
            + "1BBE60A9088EFDF3BB51EC087BFA60B8DE113A5B4D0FEFBBF785BBEB44DB4DBA\r";

    /** Always draws the first pad character, '0', so encrypted output is reproducible. */
    static final RandomGenerator ZERO_PAD = () -> 0L;

    static SiaFrame siaDcsBa() {
        return new SiaFrame(SiaFrame.SIA_DCS, 42, "0", "0", "1234", "#1234|Nri1/BA003", AT);
    }

    private SiaVectors() {
    }
}
