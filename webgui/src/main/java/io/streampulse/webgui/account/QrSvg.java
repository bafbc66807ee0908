package io.streampulse.webgui.account;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * A QR code as inline SVG, drawn here so the TOTP secret never leaves the server for a chart or QR service. One
 * {@code <path>} of run-length rectangles per row; colours are presentation attributes ({@code fill=}), since the
 * Content-Security-Policy forbids style attributes.
 */
public final class QrSvg {

    /** the quiet zone scanners need, in modules */
    static final int MARGIN = 4;

    private QrSvg() {
    }

    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, MARGIN,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /** The SVG element; {@code label} is its accessible name (plain text, escaped here). */
    public static String svg(String text, String label) {
        BitMatrix m = matrix(text);
        int w = m.getWidth();
        int h = m.getHeight();
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && m.get(x, y)) {
                    x++;
                }
                d.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + w + " " + h
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
                + "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + d + "\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
