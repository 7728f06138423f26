package org.separata.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The facts a reader of an offprint checks, taken straight from a JATS file with the JDK's DOM
 * and XPath, independently of Separata's reader: titles, authors in order, DOI, ISSNs, first
 * page, first and last reference. Named entities are replaced by their characters first (from
 * the same data table the reader ships), since the DTD is never read.
 */
public final class JatsFacts {

    private static final Pattern ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");

    private final Document doc;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private JatsFacts(Document doc) {
        this.doc = doc;
    }

    public static JatsFacts of(Path file) {
        try {
            String xml = Files.readString(file, StandardCharsets.UTF_8)
                    .replaceFirst("(?s)<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", "");
            Matcher m = ENTITY.matcher(xml);
            Map<String, String> table = entities();
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String v = table.get(name);
                m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
            }
            m.appendTail(sb);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            return new JatsFacts(b.parse(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> entities() throws IOException {
        Map<String, String> out = new HashMap<>(Map.of("amp", "&amp;", "lt", "&lt;", "gt", "&gt;", "quot", "&quot;",
                "apos", "&apos;"));
        try (InputStream in = JatsFacts.class.getResourceAsStream("/jats/entities.tsv")) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] c = row.split("\t");
                StringBuilder sb = new StringBuilder();
                for (String cp : c[1].trim().split(" ")) {
                    sb.appendCodePoint(Integer.parseInt(cp, 16));
                }
                out.put(c[0], sb.toString());
            }
        }
        return out;
    }

    private List<Element> all(String expr) {
        try {
            NodeList nl = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nl.getLength(); i++) {
                out.add((Element) nl.item(i));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(expr, e);
        }
    }

    private Optional<String> one(String expr) {
        return all(expr).stream().findFirst().map(JatsFacts::text).filter(s -> !s.isEmpty());
    }

    /** The text of an element with runs of white space (and no-break spaces) as one space. */
    static String text(Node n) {
        return n.getTextContent().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    public String language() {
        return doc.getDocumentElement().getAttribute("xml:lang");
    }

    /** The article title and its translated titles, as text. */
    public List<String> titles() {
        List<String> out = new ArrayList<>();
        all("/article/front/article-meta/title-group/article-title").forEach(e -> out.add(text(e)));
        all("/article/front/article-meta/title-group/trans-title-group/trans-title").forEach(e -> out.add(text(e)));
        return out;
    }

    /** The byline, in order: each author's name in the article's language ("Given Surname"), or the group. */
    public List<String> authors() {
        List<String> out = new ArrayList<>();
        for (Element c : all("/article/front/article-meta/contrib-group/contrib")) {
            String type = c.getAttribute("contrib-type");
            if (!type.isEmpty() && !type.equals("author")) {
                continue;
            }
            Element name = null;
            for (Element n : children(c, "name-alternatives")) {
                for (Element form : children(n, "name")) {
                    if (name == null || form.getAttribute("xml:lang").equals(language())) {
                        name = form;
                    }
                }
            }
            if (name == null) {
                name = children(c, "name").stream().findFirst().orElse(null);
            }
            if (name != null) {
                String given = children(name, "given-names").stream().map(JatsFacts::text).findFirst().orElse("");
                String surname = children(name, "surname").stream().map(JatsFacts::text).findFirst().orElse("");
                out.add((given + " " + surname).strip());
                continue;
            }
            Optional<Element> string = children(c, "string-name").stream().findFirst();
            if (string.isPresent()) {
                out.add(text(string.get()));
                continue;
            }
            children(c, "collab").stream().findFirst().ifPresent(collab -> {
                StringBuilder sb = new StringBuilder();
                for (Node k = collab.getFirstChild(); k != null; k = k.getNextSibling()) {
                    if (k.getNodeType() == Node.TEXT_NODE) {
                        sb.append(k.getNodeValue());
                    }
                }
                out.add(sb.toString().replaceAll("\\s+", " ").strip());
            });
        }
        return out;
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k instanceof Element el && el.getTagName().equals(name)) {
                out.add(el);
            }
        }
        return out;
    }

    public Optional<String> doi() {
        return one("/article/front/article-meta/article-id[@pub-id-type='doi']");
    }

    public List<String> issns() {
        return all("/article/front/journal-meta/issn").stream().map(JatsFacts::text).toList();
    }

    public Optional<String> firstPage() {
        return one("/article/front/article-meta/fpage");
    }

    public Optional<String> elocation() {
        return one("/article/front/article-meta/elocation-id");
    }

    public Optional<String> journalTitle() {
        return one("/article/front/journal-meta//journal-title");
    }

    /** The references of the article itself (not of its sub-articles). */
    private List<Element> refs() {
        return all("/article/back//ref");
    }

    public int referenceCount() {
        return refs().size();
    }

    /**
     * A reference's text as published: its mixed-citation in the article's language (or the first
     * one), without the stray punctuation some converters put in front; else its article title.
     */
    public Optional<String> reference(int index) {
        List<Element> refs = refs();
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        Element ref = refs.get(index < 0 ? refs.size() + index : index);
        List<Element> mixed = new ArrayList<>();
        NodeList nl = ref.getElementsByTagName("mixed-citation");
        for (int i = 0; i < nl.getLength(); i++) {
            mixed.add((Element) nl.item(i));
        }
        if (!mixed.isEmpty()) {
            Element pick = mixed.stream().filter(m -> m.getAttribute("xml:lang").equals(language())).findFirst()
                    .orElse(mixed.get(0));
            return Optional.of(text(pick).replaceFirst("^[.,;:\\s]+", ""));
        }
        NodeList titles = ref.getElementsByTagName("article-title");
        return titles.getLength() == 0 ? Optional.empty() : Optional.of(text(titles.item(0)));
    }
}
