package io.streampulse.streamer.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Small line icons per device kind, drawn in a size×size box at (x, y). */
final class Icons {

    private Icons() {
    }

    static void draw(Graphics2D g, String kind, int x, int y, int size, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(Math.max(1.5f, size / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double s = size;
        switch (kind) {
            case "DOOR", "GARAGE_DOOR" -> {
                g.draw(new RoundRectangle2D.Double(x + s * 0.22, y + s * 0.08, s * 0.56, s * 0.84, s * 0.06, s * 0.06));
                g.fill(new Ellipse2D.Double(x + s * 0.62, y + s * 0.48, s * 0.09, s * 0.09));
            }
            case "MOTION" -> {
                g.fill(new Ellipse2D.Double(x + s * 0.40, y + s * 0.05, s * 0.2, s * 0.2));
                Path2D body = new Path2D.Double();
                body.moveTo(x + s * 0.5, y + s * 0.3);
                body.lineTo(x + s * 0.45, y + s * 0.6);
                body.lineTo(x + s * 0.3, y + s * 0.92);
                body.moveTo(x + s * 0.45, y + s * 0.6);
                body.lineTo(x + s * 0.65, y + s * 0.92);
                body.moveTo(x + s * 0.25, y + s * 0.45);
                body.lineTo(x + s * 0.75, y + s * 0.4);
                g.draw(body);
            }
            case "LEAK" -> {
                Path2D drop = new Path2D.Double();
                drop.moveTo(x + s * 0.5, y + s * 0.05);
                drop.curveTo(x + s * 0.9, y + s * 0.55, x + s * 0.8, y + s * 0.95, x + s * 0.5, y + s * 0.95);
                drop.curveTo(x + s * 0.2, y + s * 0.95, x + s * 0.1, y + s * 0.55, x + s * 0.5, y + s * 0.05);
                g.fill(drop);
            }
            case "TEMPERATURE_HUMIDITY", "THERMOSTAT" -> {
                g.draw(new RoundRectangle2D.Double(x + s * 0.4, y + s * 0.05, s * 0.2, s * 0.6, s * 0.2, s * 0.2));
                g.fill(new Ellipse2D.Double(x + s * 0.3, y + s * 0.6, s * 0.4, s * 0.35));
            }
            case "SMOKE_CO", "SIREN" -> {
                g.draw(new Ellipse2D.Double(x + s * 0.08, y + s * 0.08, s * 0.84, s * 0.84));
                g.fill(new Ellipse2D.Double(x + s * 0.38, y + s * 0.38, s * 0.24, s * 0.24));
            }
            case "LOCK" -> {
                g.draw(new RoundRectangle2D.Double(x + s * 0.3, y + s * 0.08, s * 0.4, s * 0.5, s * 0.4, s * 0.4));
                g.fill(new RoundRectangle2D.Double(x + s * 0.2, y + s * 0.42, s * 0.6, s * 0.5, s * 0.1, s * 0.1));
            }
            case "POWER_FAILURE", "OUTLET", "SWITCH" -> {
                Path2D bolt = new Path2D.Double();
                bolt.moveTo(x + s * 0.6, y + s * 0.05);
                bolt.lineTo(x + s * 0.25, y + s * 0.55);
                bolt.lineTo(x + s * 0.5, y + s * 0.55);
                bolt.lineTo(x + s * 0.4, y + s * 0.95);
                bolt.lineTo(x + s * 0.75, y + s * 0.42);
                bolt.lineTo(x + s * 0.5, y + s * 0.42);
                bolt.closePath();
                g.fill(bolt);
            }
            case "VIBRATION" -> {
                Path2D wave = new Path2D.Double();
                wave.moveTo(x, y + s * 0.5);
                for (int i = 1; i <= 6; i++) {
                    wave.lineTo(x + s * i / 6.0, y + s * (i % 2 == 0 ? 0.5 : i % 4 == 1 ? 0.15 : 0.85));
                }
                g.draw(wave);
            }
            default -> {
                g.draw(new Ellipse2D.Double(x + s * 0.1, y + s * 0.1, s * 0.8, s * 0.8));
                g.fill(new Ellipse2D.Double(x + s * 0.44, y + s * 0.24, s * 0.12, s * 0.12));
                g.fill(new RoundRectangle2D.Double(x + s * 0.44, y + s * 0.42, s * 0.12, s * 0.34, s * 0.06, s * 0.06));
            }
        }
    }
}
