package org.separata.layout;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.Utf8;
import org.separata.env.Limits;
import org.separata.read.HardenedXml;

/**
 * Checks an SVG image before the renderer (Batik, through Flying Saucer) sees it. It is read
 * with the JDK's XML parser, which fetches nothing and expands no entity, and it is refused when
 * it refers to anything outside itself: a link ({@code href}) or a {@code url(…)} that is not a
 * fragment of the same document, a stylesheet {@code @import}, a script, an
 * {@code xml-stylesheet} instruction, an entity, or a DOCTYPE other than the W3C's own for SVG
 * (whose DTD is then left out, so nothing fetches it). Pictures embedded as {@code data:} URIs
 * go through the image gate themselves. Its size comes from {@code width} and {@code height}
 * (px, pt, pc, mm, cm, in), else from its {@code viewBox}, else it is 300 × 150.
 */
final class SvgCheck {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Elements an SVG image may have. */
    static final int MAX_ELEMENTS = 100_000;
    /** Nesting of elements. */
    static final int MAX_DEPTH = 100;
    /** The largest width or height an SVG image may declare, in CSS pixels. */
    static final long MAX_SIDE = 100_000;

    private static final Pattern LENGTH = Pattern.compile(
            "\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(px|pt|pc|mm|cm|in)?\\s*");
    private static final Pattern W3C_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+svg\\s+PUBLIC\\s+\"-//W3C//DTD SVG [^\"<>\\[\\]]*\"\\s+\"http://www\\.w3\\.org/[^\"<>\\[\\]]*\"\\s*>");
    private static final Pattern URL = Pattern.compile("(?i)url\\(\\s*(['\"]?)([^)'\"]*)\\1\\s*\\)");
    private static final Pattern IMPORT = Pattern.compile("(?i)@import");

    private SvgCheck() {
    }

    /** Whether the bytes begin (after a byte order mark, the XML declaration, comments and a DOCTYPE) with {@code <svg}. */
    static boolean looksLikeSvg(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.UTF_8);
        int i = 0;
        if (s.startsWith("\ufeff")) {
            i = 1;
        }
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (s.startsWith("<?", i)) {
                i = after(s, i, "?>");
            } else if (s.startsWith("<!--", i)) {
                i = after(s, i, "-->");
            } else if (s.startsWith("<!DOCTYPE", i)) {
                int bracket = s.indexOf('[', i);
                int close = s.indexOf('>', i);
                i = bracket >= 0 && bracket < close ? after(s, i, "]>") : after(s, i, ">");
            } else {
                return s.startsWith("<svg", i) || s.regionMatches(i, "<", 0, 1)
                        && s.substring(i).matches("(?s)<[A-Za-z_][\\w.-]*:svg[\\s/>].*");
            }
            if (i < 0) {
                return false;
            }
        }
        return false;
    }

    private static int after(String s, int from, String end) {
        int e = s.indexOf(end, from);
        return e < 0 ? -1 : e + end.length();
    }

    private static XMLInputFactory factory() {
        return HardenedXml.factory(MAX_DEPTH, 200, "an SVG image may not refer to anything outside itself");
    }

    /** Checks the whole document; returns its size. */
    static ImageKind.Header check(byte[] bytes, String name, SourceLocation where, Limits limits) {
        return new Walk(bytes, name, where, limits, true).run();
    }

    /** The size of a document already checked. */
    static ImageKind.Header size(byte[] bytes) {
        return new Walk(bytes, "", SourceLocation.unknown(), Limits.DEFAULT, false).run();
    }

    /** The document with its DOCTYPE cut out (a checked one has at most the W3C's, without a subset). */
    static byte[] withoutDoctype(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = W3C_DOCTYPE.matcher(s);
        if (!m.find()) {
            return bytes;
        }
        return (s.substring(0, m.start()) + s.substring(m.end())).getBytes(StandardCharsets.UTF_8);
    }

    /** One reading of a document. */
    private static final class Walk {
        private final byte[] bytes;
        private final String name;
        private final SourceLocation where;
        private final Limits limits;
        private final boolean strict;
        private int line;

        Walk(byte[] bytes, String name, SourceLocation where, Limits limits, boolean strict) {
            this.bytes = bytes;
            this.name = name;
            this.where = where;
            this.limits = limits;
            this.strict = strict;
        }

        private SeparataException refuse(String what, String hint) {
            return SeparataException.invalid(where, "'" + name + "' (an SVG image)" + (line > 0 ? ", line " + line : "")
                    + ": " + what, hint);
        }

        private static final String SELF_CONTAINED = "an SVG image in Separata must hold everything it draws: "
                + "refer only to its own parts (#id), embed pictures as data: URIs (PNG or JPEG), or convert it to PNG";

        ImageKind.Header run() {
            Utf8.firstMalformedXml(bytes).ifPresent(at -> {
                line = at.line();
                throw refuse("it is not valid UTF-8", "save it again as SVG (UTF-8) from a drawing program");
            });
            XMLStreamReader r = null;
            ImageKind.Header size = null;
            int elements = 0;
            try {
                r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
                while (r.hasNext()) {
                    int event = r.next();
                    line = r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
                    switch (event) {
                        case XMLStreamConstants.DTD -> {
                            String doctype = r.getText() == null ? "" : r.getText().strip();
                            if (strict && !W3C_DOCTYPE.matcher(doctype).matches()) {
                                throw refuse("its DOCTYPE is not the W3C's own for SVG, or declares entities",
                                        "remove the DOCTYPE; an SVG image needs none");
                            }
                        }
                        case XMLStreamConstants.ENTITY_REFERENCE -> throw refuse("it uses the entity &"
                                + r.getLocalName() + ";", "write the character itself; entities are never expanded");
                        case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                            if (strict && String.valueOf(r.getPITarget()).toLowerCase(Locale.ROOT).contains("stylesheet")) {
                                throw refuse("it asks for a stylesheet (<?" + r.getPITarget() + "?>)", SELF_CONTAINED);
                            }
                        }
                        case XMLStreamConstants.START_ELEMENT -> {
                            if (++elements > MAX_ELEMENTS) {
                                throw refuse("it has more than " + MAX_ELEMENTS + " elements",
                                        "simplify it, or convert it to PNG");
                            }
                            if (size == null) {
                                if (!"svg".equals(r.getLocalName()) || !SVG_NS.equals(r.getNamespaceURI())) {
                                    throw refuse("its root element is not <svg xmlns=\"" + SVG_NS + "\">",
                                            "save it again as SVG from a drawing program");
                                }
                                size = size(r);
                                if (!strict) {
                                    return size;
                                }
                            }
                            element(r);
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                            if (strict && r.getText() != null && (IMPORT.matcher(r.getText()).find()
                                    || r.getText().toLowerCase(Locale.ROOT).contains("url("))) {
                                css(r.getText());
                            }
                        }
                        default -> {
                            // comments, white space, the end of elements
                        }
                    }
                }
            } catch (XMLStreamException e) {
                String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
                int m = message.indexOf("Message: ");
                throw refuse("it cannot be read as XML: " + (m >= 0 ? message.substring(m + 9) : message).strip(),
                        "save it again as SVG from a drawing program");
            } catch (RuntimeException e) {
                if (e instanceof SeparataException) {
                    throw e;
                }
                throw refuse("it cannot be read as XML: " + e.getMessage(), "save it again as SVG from a drawing program");
            } finally {
                if (r != null) {
                    try {
                        r.close();
                    } catch (XMLStreamException ignored) {
                        // read from memory
                    }
                }
            }
            if (size == null) {
                throw refuse("it has no <svg> element", "save it again as SVG from a drawing program");
            }
            return size;
        }

        private ImageKind.Header size(XMLStreamReader r) {
            double w = length(r.getAttributeValue(null, "width"));
            double h = length(r.getAttributeValue(null, "height"));
            if (w <= 0 || h <= 0) {
                String viewBox = r.getAttributeValue(null, "viewBox");
                String[] parts = viewBox == null ? new String[0] : viewBox.strip().split("[\\s,]+");
                double vw = parts.length == 4 ? number(parts[2]) : -1;
                double vh = parts.length == 4 ? number(parts[3]) : -1;
                if (vw > 0 && vh > 0) {
                    if (w > 0) {
                        h = w * vh / vw;
                    } else if (h > 0) {
                        w = h * vw / vh;
                    } else {
                        w = vw;
                        h = vh;
                    }
                } else {
                    w = w > 0 ? w : 300;
                    h = h > 0 ? h : 150;
                }
            }
            long width = (long) Math.ceil(Math.min(w, 1e12));
            long height = (long) Math.ceil(Math.min(h, 1e12));
            if (strict && (width > MAX_SIDE || height > MAX_SIDE)) {
                throw refuse("it declares a size of " + width + " × " + height + " pixels; each side may have at most "
                        + MAX_SIDE, "give width and height at the size it is printed, e.g. width=\"300\" height=\"150\"");
            }
            return new ImageKind.Header(ImageKind.Format.SVG, width, height);
        }

        private void element(XMLStreamReader r) {
            String local = r.getLocalName();
            if ("script".equals(local)) {
                throw refuse("it has a <script>", "remove it; scripts in images are never run");
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String attribute = r.getAttributeLocalName(i);
                String value = r.getAttributeValue(i);
                if ("href".equals(attribute) && !"a".equals(local)) {
                    reference(value.strip(), "<" + local + "> refers to");
                }
                if (value.toLowerCase(Locale.ROOT).contains("url(") || IMPORT.matcher(value).find()) {
                    css(value);
                }
            }
        }

        /** CSS in a style attribute or element: no @import, and url() only to fragments or embedded images. */
        private void css(String text) {
            if (IMPORT.matcher(text).find()) {
                throw refuse("its style sheet imports another one (@import)", SELF_CONTAINED);
            }
            Matcher m = URL.matcher(text);
            while (m.find()) {
                reference(m.group(2).strip(), "its style refers to");
            }
        }

        private void reference(String target, String what) {
            if (target.startsWith("#")) {
                return;
            }
            if (target.regionMatches(true, 0, "data:", 0, 5)) {
                embedded(target);
                return;
            }
            String shown = target.length() > 80 ? target.substring(0, 80) + "…" : target;
            throw refuse(what + " '" + shown + "', outside the image", SELF_CONTAINED);
        }

        /** A data: URI: base64 PNG or JPEG, itself through the image gate. */
        private void embedded(String uri) {
            int comma = uri.indexOf(',');
            String meta = comma < 0 ? "" : uri.substring(5, comma).toLowerCase(Locale.ROOT);
            if (comma < 0 || !meta.endsWith(";base64")) {
                throw refuse("it embeds data that is not a base64 image", SELF_CONTAINED);
            }
            byte[] data;
            try {
                data = Base64.getMimeDecoder().decode(uri.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw refuse("an embedded image is not valid base64", "embed the image again");
            }
            ImageKind.check(data, name + " (an embedded image, line " + line + ")", where,
                    java.util.Set.of(ImageKind.Format.PNG, ImageKind.Format.JPEG), limits);
        }

        private static double length(String value) {
            if (value == null) {
                return -1;
            }
            Matcher m = LENGTH.matcher(value);
            if (!m.matches()) {
                return -1;
            }
            double v = number(m.group(1));
            String unit = m.group(2) == null ? "px" : m.group(2);
            return v * switch (unit) {
                case "pt" -> 4.0 / 3.0;
                case "pc" -> 16.0;
                case "in" -> 96.0;
                case "cm" -> 96.0 / 2.54;
                case "mm" -> 96.0 / 25.4;
                default -> 1.0;
            };
        }

        private static double number(String s) {
            try {
                double v = Double.parseDouble(s);
                return Double.isFinite(v) ? v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
