package io.streampulse.monitor.probe.rtsp;

/**
 * Names for H.264 profile_idc/constraint flags and level_idc (pure), as ffprobe prints them (ITU-T H.264 Annex A).
 * Shared by the SPS parser and the SDP {@code profile-level-id}, which carries the same three bytes (RFC 6184 §8.1).
 */
final class H264Profiles {

    private H264Profiles() {
    }

    /** {@code constraints} is the byte after profile_idc: constraint_set0_flag is its top bit. */
    static String profileName(int profileIdc, int constraints) {
        boolean set1 = (constraints & 0x40) != 0;
        boolean set3 = (constraints & 0x10) != 0;
        return switch (profileIdc) {
            case 66 -> set1 ? "Constrained Baseline" : "Baseline";
            case 77 -> "Main";
            case 88 -> "Extended";
            case 100 -> "High";
            case 110 -> set3 ? "High 10 Intra" : "High 10";
            case 122 -> set3 ? "High 4:2:2 Intra" : "High 4:2:2";
            case 244 -> set3 ? "High 4:4:4 Intra" : "High 4:4:4 Predictive";
            case 44 -> "CAVLC 4:4:4 Intra";
            case 118 -> "Multiview High";
            case 128 -> "Stereo High";
            default -> "profile " + profileIdc;
        };
    }

    /** "1b", "3.1", "4" (Table A-1 spelling). */
    static String levelName(int profileIdc, int constraints, int levelIdc) {
        boolean set3 = (constraints & 0x10) != 0;
        boolean levelOneB = levelIdc == 9
                || (levelIdc == 11 && set3 && (profileIdc == 66 || profileIdc == 77 || profileIdc == 88));
        if (levelOneB) {
            return "1b";
        }
        return levelIdc % 10 == 0 ? Integer.toString(levelIdc / 10) : (levelIdc / 10) + "." + (levelIdc % 10);
    }

    /** The profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices (H.264 §7.3.2.1.1). */
    static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }
}
