package io.crosspatch.simulator.aws;

import org.jspecify.annotations.Nullable;

/** Just enough XML writing for Query responses: elements with escaped text. */
public final class Xml {

    private final StringBuilder out = new StringBuilder();

    public static Xml create() {
        return new Xml();
    }

    /** {@code <name>text</name>}; nothing when text is null (an absent optional member). */
    public Xml element(String name, @Nullable Object text) {
        if (text != null) {
            out.append('<')
                    .append(name)
                    .append('>')
                    .append(escape(text.toString()))
                    .append("</")
                    .append(name)
                    .append('>');
        }
        return this;
    }

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
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
