package org.separata.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads an XMP packet with the JDK's XML parser (not with xmpbox, which wrote it): simple
 * properties, language alternatives and arrays, by namespace and name. Properties written as
 * attributes are not supported; Separata writes elements.
 */
public final class Xmp {

    public static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String PRISM = "http://prismstandard.org/namespaces/basic/2.0/";
    public static final String XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/";
    public static final String XMP = "http://ns.adobe.com/xap/1.0/";
    public static final String PDF = "http://ns.adobe.com/pdf/1.3/";
    public static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";
    public static final String PDFUAID = "http://www.aiim.org/pdfua/ns/id/";
    public static final String PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private final Document dom;

    private Xmp(Document dom) {
        this.dom = dom;
    }

    /** Parses a packet (with or without the xpacket wrapper, and with anything around it). */
    public static Xmp parse(String text) {
        int start = text.indexOf("<x:xmpmeta");
        int end = text.indexOf("</x:xmpmeta>");
        if (start < 0 || end < 0) {
            throw new AssertionError("no XMP packet in:\n" + text);
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Xmp(f.newDocumentBuilder().parse(new InputSource(
                    new StringReader(text.substring(start, end + "</x:xmpmeta>".length())))));
        } catch (Exception e) {
            throw new AssertionError("the XMP packet is not well-formed XML: " + e, e);
        }
    }

    private List<Element> elements(String ns, String name) {
        NodeList nodes = dom.getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** A simple property's text, if the packet has it (exactly once). */
    public Optional<String> text(String ns, String name) {
        List<Element> e = elements(ns, name);
        if (e.size() > 1) {
            throw new AssertionError(name + " appears " + e.size() + " times");
        }
        return e.stream().findFirst().map(Node::getTextContent).map(String::strip);
    }

    /** A language alternative, as xml:lang → text, in packet order; empty if absent. */
    public Map<String, String> langAlt(String ns, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element li : items(ns, name, "Alt")) {
            out.put(li.getAttributeNS(XMLConstants.XML_NS_URI, "lang"), li.getTextContent());
        }
        return out;
    }

    /** An ordered array (rdf:Seq), in order; empty if absent. */
    public List<String> seq(String ns, String name) {
        return items(ns, name, "Seq").stream().map(Node::getTextContent).toList();
    }

    /** An unordered array (rdf:Bag), in packet order; empty if absent. */
    public List<String> bag(String ns, String name) {
        return items(ns, name, "Bag").stream().map(Node::getTextContent).toList();
    }

    private List<Element> items(String ns, String name, String container) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements(ns, name)) {
            NodeList c = e.getElementsByTagNameNS(RDF, container);
            if (c.getLength() != 1) {
                throw new AssertionError(name + " is not a single rdf:" + container);
            }
            NodeList lis = ((Element) c.item(0)).getChildNodes();
            for (int i = 0; i < lis.getLength(); i++) {
                if (lis.item(i) instanceof Element li && li.getLocalName().equals("li")) {
                    out.add(li);
                }
            }
        }
        return out;
    }
}
