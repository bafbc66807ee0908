package io.streampulse.webgui.streams;

/**
 * CSV cells (RFC 4180, pure): a cell with a comma, quote or line break is quoted with its quotes doubled; a text
 * cell starting with = + - @ or a tab gets a leading apostrophe, so a spreadsheet never runs a stream name as a
 * formula.
 */
public final class Csv {

    private Csv() {
    }

    /** A cell of free text (a stream name). */
    public static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** A row of cells that are already safe (numbers, times, escaped text), with CRLF as RFC 4180 says. */
    public static String row(String... cells) {
        return String.join(",", cells) + "\r\n";
    }
}
