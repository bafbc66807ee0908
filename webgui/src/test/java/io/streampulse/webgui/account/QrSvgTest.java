package io.streampulse.webgui.account;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG is well-formed XML without style attributes, and a QR reader gets the otpauth address back from it. */
class QrSvgTest {

    private static final String URI = "otpauth://totp/StreamPulse:ann?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=StreamPulse&algorithm=SHA1&digits=6&period=30";
    private static final int SCALE = 4;

    @Test
    void theSvgIsWellFormed_styleFree_andScansBackToTheAddress() throws Exception {
        String svg = QrSvg.svg(URI, "QR code for <you> & \"me\"");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("QR code for <you> & \"me\"", root.getAttribute("aria-label"), "the label is escaped");
        assertFalse(svg.contains("style"), "the CSP forbids style attributes");
        NodeList paths = doc.getElementsByTagName("path");
        assertEquals(1, paths.getLength());
        String[] box = root.getAttribute("viewBox").split(" ");
        int size = Integer.parseInt(box[2]);

        boolean[][] dark = modules(((Element) paths.item(0)).getAttribute("d"), size);
        assertEquals(URI, scan(dark, size));
        assertFalse(dark[0][0] || dark[QrSvg.MARGIN - 1][QrSvg.MARGIN - 1], "the quiet zone is white");
        assertTrue(dark[QrSvg.MARGIN][QrSvg.MARGIN], "the finder pattern starts after the quiet zone");
    }

    /** Paints the path's run-length rectangles ("M x y h w v1 h-w z") into a grid. */
    private static boolean[][] modules(String d, int size) {
        boolean[][] dark = new boolean[size][size];
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int consumed = 0;
        while (m.find()) {
            assertEquals(consumed, m.start(), "nothing but rectangles in the path");
            consumed = m.end();
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int i = 0; i < Integer.parseInt(m.group(3)); i++) {
                dark[y][x + i] = true;
            }
        }
        assertEquals(d.length(), consumed);
        return dark;
    }

    private static String scan(boolean[][] dark, int size) throws Exception {
        int px = size * SCALE;
        int[] pixels = new int[px * px];
        for (int y = 0; y < px; y++) {
            for (int x = 0; x < px; x++) {
                pixels[y * px + x] = dark[y / SCALE][x / SCALE] ? 0xff000000 : 0xffffffff;
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(px, px, pixels))))
                .getText();
    }
}
