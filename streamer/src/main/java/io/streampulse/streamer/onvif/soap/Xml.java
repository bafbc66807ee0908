package io.streampulse.streamer.onvif.soap;

/**
 * A small builder for the response bodies: elements with text or children, attributes escaped. The services
 * write their answers with it instead of templates so a value can never break the markup.
 */
public final class Xml {

    private final StringBuilder out = new StringBuilder(512);

    public static Xml create() {
        return new Xml();
    }

    /** {@code <name attr="value" ...>}; attributes as name/value pairs. */
    public Xml open(String name, Object... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>');
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>}. */
    public Xml text(String name, Object text) {
        return open(name).escaped(String.valueOf(text)).close(name);
    }

    /** {@code <name attr="value"/>}. */
    public Xml empty(String name, Object... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    public Xml raw(String markup) {
        out.append(markup);
        return this;
    }

    private void attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"")
                    .append(escape(String.valueOf(attributes[i + 1])).replace("\"", "&quot;")).append('"');
        }
    }

    private Xml escaped(String text) {
        out.append(escape(text));
        return this;
    }

    /** Escapes text content (quotes need no escaping there; attributes escape {@code "} on top). */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
