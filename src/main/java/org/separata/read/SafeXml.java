package org.separata.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.UnsafeText;
import org.separata.diag.Utf8;

/**
 * Reads XML that must be treated as hostile into a tree of {@link XmlNode}s with line and column.
 *
 * <ul>
 *   <li>The DOCTYPE is never processed: no DTD is fetched, and entities the document declares in
 *   it are not expanded (a reference to one is an error at its line and column). So billion
 *   laughs, quadratic blow-ups and external entities (XXE) have nothing to expand.</li>
 *   <li>Named character entities ({@code &nbsp;}, {@code &mdash;}, {@code &Ocy;}…) come from a table
 *   shipped as data ({@code jats/entities.tsv}); each stands for one or two characters.</li>
 *   <li>No XInclude, no stylesheet processing instruction: they stay inert (and are reported).</li>
 *   <li>Bounded: input size, entity references (count and characters they add), element depth,
 *   attributes per element, nodes and text in total.</li>
 * </ul>
 *
 * A malformed document is refused with the parser's line and column.
 */
final class SafeXml {

    /** The largest XML input read; a JATS article with inline MathML stays far below this. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Entity references per document (each adds at most two characters). */
    static final int MAX_ENTITY_REFERENCES = 200_000;
    /** Characters entity references may add in total. */
    static final int MAX_ENTITY_CHARACTERS = 400_000;
    /** Elements and text runs in total. */
    static final int MAX_NODES = 2_000_000;
    /** Characters of text in total. */
    static final int MAX_TEXT_CHARACTERS = 64 * 1024 * 1024;
    /** How deep elements may nest; JATS rarely goes past 30. */
    static final int MAX_DEPTH = 200;
    /** Attributes per element; JATS elements have a handful. */
    static final int MAX_ATTRIBUTES = 100;
    /** Problems reported before reading stops. */
    private static final int MAX_ERRORS = 20;

    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";
    private static final String ALI = "http://www.niso.org/schemas/ali/1.0/";
    private static final Pattern DECLARED_ENTITY = Pattern.compile("<!ENTITY\\s+(%\\s+)?([^\\s>]+)");

    /** What was read: the root element, and warnings about what was ignored. */
    record Result(XmlNode.Element root, List<Diagnostic> warnings) {
    }

    private final String file;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Set<String> declaredEntities = new LinkedHashSet<>();
    private int entityReferences;
    private int entityCharacters;
    private int nodes;
    private long textCharacters;

    private SafeXml(String file) {
        this.file = file;
    }

    static Result parse(byte[] content, String file) {
        if (content.length > MAX_BYTES) {
            throw SeparataException.invalid(SourceLocation.of(file),
                    "is " + content.length / (1024 * 1024) + " MiB, more than the " + MAX_BYTES / (1024 * 1024)
                            + " MiB a JATS file may have",
                    "check that this is one article and not an archive; images are never embedded in JATS");
        }
        // the JDK's reader prints "[Fatal Error]" to standard error for such bytes, behind the
        // command line's back, so they are found first
        Utf8.check(content, file, true);
        SafeXml p = new SafeXml(file);
        p.declaredEntities.addAll(declaredEntities(content));
        XmlNode.Element root = p.read(content);
        if (!p.errors.isEmpty()) {
            throw SeparataException.invalid(p.errors);
        }
        return new Result(root, p.warnings);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = HardenedXml.factory(MAX_DEPTH, MAX_ATTRIBUTES, "Separata resolves nothing outside the input");
        // The JDK's own limits, as a second fence should DTD processing ever be switched on.
        f.setProperty("jdk.xml.entityExpansionLimit", "1000");
        f.setProperty("jdk.xml.totalEntitySizeLimit", String.valueOf(MAX_ENTITY_CHARACTERS));
        f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "10000");
        f.setProperty("jdk.xml.maxParameterEntitySizeLimit", "10000");
        return f;
    }

    /** One open element while reading. */
    private static final class Open {
        final String name;
        final Map<String, String> attributes;
        final List<XmlNode> children = new ArrayList<>();
        final int line;
        final int column;

        Open(String name, Map<String, String> attributes, int line, int column) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
            this.column = column;
        }
    }

    private XmlNode.Element read(byte[] content) {
        XMLStreamReader r;
        InputStream in = new ByteArrayInputStream(content);
        Deque<Open> stack = new ArrayDeque<>();
        XmlNode.Element root = null;
        int line = 1;
        int column = 1;
        try {
            r = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> doctype(line, column);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (stack.size() >= MAX_DEPTH) {
                            throw limit(line, column, "elements nest more than " + MAX_DEPTH + " deep");
                        }
                        count(line, column);
                        stack.push(new Open(elementName(r), attributes(r, line, column), line, column));
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Open o = stack.pop();
                        XmlNode.Element e = new XmlNode.Element(o.name, o.attributes, o.children, o.line, o.column);
                        if (stack.isEmpty()) {
                            root = e;
                        } else {
                            stack.peek().children.add(e);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            text(stack.peek(), r.getText(), line, column);
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> entity(stack.peek(), r.getLocalName(), line, column);
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> instruction(r.getPITarget(), line, column);
                    default -> {
                        // comments, the document's start and end: nothing to keep
                    }
                }
                if (errors.size() >= MAX_ERRORS) {
                    errors.add(Diagnostic.error(new SourceLocation(file, line, column, ""),
                            "stopped reading after " + MAX_ERRORS + " problems", "fix these first"));
                    break;
                }
                Location l = r.getLocation();
                if (l != null && l.getLineNumber() > 0) {
                    line = l.getLineNumber();
                    column = Math.max(1, l.getColumnNumber());
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (RuntimeException e) {
            if (e instanceof SeparataException) {
                throw e;
            }
            // The JDK parser wraps some limit and I/O failures in unchecked exceptions.
            throw SeparataException.invalid(new SourceLocation(file, line, column, ""),
                    "cannot be read as XML: " + e.getMessage(), "check that the file is a well-formed XML document");
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // reading from memory: nothing to release
            }
        }
        if (root == null && errors.isEmpty()) {
            throw SeparataException.invalid(SourceLocation.of(file), "holds no XML element",
                    "a JATS file has one <article> element");
        }
        return root;
    }

    private SeparataException malformed(XMLStreamException e) {
        Location l = e.getLocation();
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // The JDK puts "ParseError at [row,col]:[l,c]\nMessage: " in front of the message.
        int m = message.indexOf("Message: ");
        if (m >= 0) {
            message = message.substring(m + "Message: ".length());
        }
        String hint = "the file is not well-formed XML; fix it at this line and column";
        Matcher undeclared = Pattern.compile("The entity \"([^\"]+)\" was referenced, but not declared").matcher(message);
        if (undeclared.find()) {
            hint = "named entities are read in text but not in attribute values; write the character itself "
                    + "or a numeric reference such as &#xA0;";
        } else if (message.contains("JAXP0") || message.contains("limit")) {
            hint = "the file goes past a safety limit for XML input; is it really one article?";
        }
        List<Diagnostic> all = new ArrayList<>(errors);
        all.add(Diagnostic.error(new SourceLocation(file, l == null ? 0 : Math.max(0, l.getLineNumber()),
                l == null ? 0 : Math.max(0, l.getColumnNumber()), ""), message.strip(), hint));
        return SeparataException.invalid(all);
    }

    private SeparataException limit(int line, int column, String what) {
        return SeparataException.invalid(new SourceLocation(file, line, column, ""),
                "refused: " + what, "Separata bounds what an XML input may ask for; is this really one article?");
    }

    private void count(int line, int column) {
        if (++nodes > MAX_NODES) {
            throw limit(line, column, "more than " + MAX_NODES + " elements and text runs");
        }
    }

    private void text(Open parent, String value, int line, int column) {
        if (value.isEmpty()) {
            return;
        }
        textCharacters += value.length();
        if (textCharacters > MAX_TEXT_CHARACTERS) {
            throw limit(line, column, "more than " + MAX_TEXT_CHARACTERS + " characters of text");
        }
        count(line, column);
        unsafe(value, "the text of <" + parent.name + ">", line, column);
        parent.children.add(new XmlNode.Text(value, line, column));
    }

    /**
     * Control characters (C1 ones are legal XML 1.0, and XML 1.1 allows C0 ones as references),
     * lone surrogates and bidirectional overrides are errors at their line: they cannot be
     * printed, and can make text or a terminal show something other than what is there.
     */
    private void unsafe(String value, String what, int line, int column) {
        int i = UnsafeText.find(value);
        if (i >= 0) {
            int cp = Character.isSurrogate(value.charAt(i)) ? value.charAt(i) : value.codePointAt(i);
            errors.add(Diagnostic.error(new SourceLocation(file, line, column, ""), what + " contains "
                    + UnsafeText.problem(value, i).orElseThrow(), UnsafeText.hint(cp)));
        }
    }

    /**
     * The names of the entities the document declares, found in its raw text (the parser does not
     * report a DOCTYPE it skips in full). Only for messages: nothing declared is ever expanded.
     */
    private static Set<String> declaredEntities(byte[] content) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = DECLARED_ENTITY.matcher(new String(content, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String name = new String(m.group(2).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            out.add((m.group(1) == null ? "" : "%") + name);
        }
        return out;
    }

    private void doctype(int line, int column) {
        if (!declaredEntities.isEmpty()) {
            warnings.add(Diagnostic.warning(new SourceLocation(file, line, column, "DOCTYPE"),
                    "the DOCTYPE declares entities (" + String.join(", ", first(declaredEntities, 6))
                            + "); Separata ignores them and never fetches a DTD",
                    "write the characters themselves, or numeric references such as &#x2014;"));
        }
    }

    private void entity(Open parent, String name, int line, int column) {
        SourceLocation where = new SourceLocation(file, line, column, "");
        if (parent == null) {
            errors.add(Diagnostic.error(where, "an entity reference outside the root element", null));
            return;
        }
        if (++entityReferences > MAX_ENTITY_REFERENCES) {
            throw limit(line, column, "more than " + MAX_ENTITY_REFERENCES + " entity references");
        }
        String value = Entities.TABLE.get(name);
        if (value == null) {
            if (declaredEntities.contains(name)) {
                errors.add(Diagnostic.error(where, "refused: &" + name + "; is an entity the document declares itself",
                        "Separata never expands entities a document declares (they can read files, open "
                                + "connections or blow up in size); write the text itself"));
            } else {
                errors.add(Diagnostic.error(where, "&" + name + "; is not a known character entity",
                        "use the character itself or a numeric reference such as &#x2014;"));
            }
            return;
        }
        entityCharacters += value.length();
        if (entityCharacters > MAX_ENTITY_CHARACTERS) {
            throw limit(line, column, "entity references add more than " + MAX_ENTITY_CHARACTERS + " characters");
        }
        text(parent, value, line, column);
    }

    private void instruction(String target, int line, int column) {
        if (target != null && target.toLowerCase(java.util.Locale.ROOT).contains("stylesheet")) {
            warnings.add(Diagnostic.warning(new SourceLocation(file, line, column, ""),
                    "the <?" + target + "?> instruction is ignored; no stylesheet is fetched or applied", null));
        }
    }

    private static String elementName(XMLStreamReader r) {
        return qualified(r.getNamespaceURI(), r.getLocalName());
    }

    private static String qualified(String ns, String local) {
        if (ns == null || ns.isEmpty()) {
            return local;
        }
        return switch (ns) {
            case XMLConstants.XML_NS_URI -> "xml:" + local;
            case XLINK -> "xlink:" + local;
            case MATHML -> "mml:" + local;
            case XINCLUDE -> "xi:" + local;
            case ALI -> "ali:" + local;
            default -> "{" + ns + "}" + local;
        };
    }

    private Map<String, String> attributes(XMLStreamReader r, int line, int column) {
        int n = r.getAttributeCount();
        if (n > MAX_ATTRIBUTES) {
            throw limit(line, column, "an element with more than " + MAX_ATTRIBUTES + " attributes");
        }
        Map<String, String> out = n == 0 ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = qualified(r.getAttributeNamespace(i), r.getAttributeLocalName(i));
            unsafe(r.getAttributeValue(i), "the attribute " + name + " of <" + elementName(r) + ">", line, column);
            out.put(name, r.getAttributeValue(i));
        }
        return out;
    }

    private static List<String> first(Set<String> s, int n) {
        List<String> out = new ArrayList<>();
        for (String v : s) {
            if (out.size() == n) {
                out.add("…");
                break;
            }
            out.add(v);
        }
        return out;
    }

    /** The named character entities, read once per process from {@code jats/entities.tsv}. */
    static final class Entities {
        static final Map<String, String> TABLE = load();

        private Entities() {
        }

        private static Map<String, String> load() {
            try (InputStream in = SafeXml.class.getResourceAsStream("/jats/entities.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("jats/entities.tsv is missing from the classpath");
                }
                Map<String, String> out = new HashMap<>();
                for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (row.isBlank() || row.startsWith("#")) {
                        continue;
                    }
                    String[] cols = row.split("\t");
                    StringBuilder sb = new StringBuilder();
                    for (String cp : cols[1].trim().split(" ")) {
                        sb.appendCodePoint(Integer.parseInt(cp, 16));
                    }
                    out.put(cols[0], sb.toString());
                }
                return Map.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
