package org.separata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a tagged PDF back with PDFBox's own structure-tree and marked-content APIs, independently
 * of how Separata writes it: the structure elements in reading order (type, language, alternate
 * text, attributes, the text of the marked content they hold, the annotations they point to),
 * the text of every marked-content sequence on every page, and the text of the artifacts.
 *
 * <pre>
 *   try (TaggedPdf t = new TaggedPdf(pdf)) {
 *       t.problems();                  // MCIDs held twice or never, annotations no element holds
 *       t.ofType("H1").get(0).text();  // the title
 *   }
 * </pre>
 */
public final class TaggedPdf implements AutoCloseable {

    /**
     * One structure element: its type, its own {@code /Lang} and the language it inherits, its
     * {@code /Alt}, its attributes ({@code "Table/Scope"} → {@code "Column"}), the text of all the
     * marked content it and its descendants hold (pieces joined by a space), the annotations it
     * holds, and how deep it is (the root's kids are at depth 1).
     */
    public record Element(String type, int depth, Optional<String> lang, String effectiveLang, Optional<String> alt,
                          Map<String, String> attributes, String text, List<PDAnnotation> annotations,
                          List<Element> kids) {
    }

    private final PDDocument doc;
    private final List<PDPage> pages = new ArrayList<>();
    /** Per page: MCID → its text. */
    private final List<Map<Integer, String>> marked = new ArrayList<>();
    private final StringBuilder artifacts = new StringBuilder();
    private final Map<String, Integer> references = new TreeMap<>();
    private final Map<COSDictionary, Integer> annotationReferences = new IdentityHashMap<>();
    private final List<Element> elements = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Element root;

    public TaggedPdf(byte[] pdf) {
        try {
            doc = Loader.loadPDF(pdf);
            doc.getPages().forEach(pages::add);
            for (PDPage page : pages) {
                readPage(page);
            }
            PDStructureTreeRoot tree = doc.getDocumentCatalog().getStructureTreeRoot();
            if (tree != null) {
                String lang = Optional.ofNullable(doc.getDocumentCatalog().getLanguage()).orElse("");
                List<Element> top = new ArrayList<>();
                for (Object k : tree.getKids()) {
                    if (k instanceof PDStructureElement e) {
                        top.add(element(e, lang, 1));
                    }
                }
                root = new Element("(root)", 0, Optional.empty(), lang, Optional.empty(), Map.of(),
                        String.join(" ", top.stream().map(Element::text).toList()), List.of(), top);
            }
            check();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readPage(PDPage page) throws IOException {
        PDFMarkedContentExtractor x = new PDFMarkedContentExtractor();
        x.setSuppressDuplicateOverlappingText(false);
        x.processPage(page);
        Map<Integer, String> byMcid = new LinkedHashMap<>();
        for (PDMarkedContent mc : x.getMarkedContents()) {
            collect(mc, byMcid);
        }
        marked.add(byMcid);
    }

    /** Sequences with an MCID go into {@code byMcid}; artifacts into the artifact text. */
    private void collect(PDMarkedContent mc, Map<Integer, String> byMcid) {
        if ("Artifact".equals(mc.getTag())) {
            artifacts.append(text(mc)).append(' ');
            return;
        }
        if (mc.getMCID() >= 0) {
            if (byMcid.put(mc.getMCID(), text(mc)) != null) {
                problems.add("MCID " + mc.getMCID() + " is used twice on one page");
            }
            return;
        }
        for (Object o : mc.getContents()) {
            if (o instanceof PDMarkedContent inner) {
                collect(inner, byMcid);
            }
        }
    }

    /** The text of a sequence; a span with ActualText reads as that text. */
    private static String text(PDMarkedContent mc) {
        if (mc.getActualText() != null) {
            return mc.getActualText();
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) {
                sb.append(t.getUnicode());
            } else if (o instanceof PDMarkedContent inner) {
                sb.append(text(inner));
            }
        }
        return sb.toString();
    }

    private Element element(PDStructureElement e, String inherited, int depth) {
        String lang = e.getLanguage() != null ? e.getLanguage() : inherited;
        PDPage pg = e.getPage();
        List<String> texts = new ArrayList<>();
        List<Element> kids = new ArrayList<>();
        List<PDAnnotation> annotations = new ArrayList<>();
        Element self = null;
        int index = elements.size();
        elements.add(null); // keeps document order: this element before its descendants
        for (Object k : e.getKids()) {
            if (k instanceof PDStructureElement child) {
                Element c = element(child, lang, depth + 1);
                kids.add(c);
                texts.add(c.text());
            } else if (k instanceof Integer mcid) {
                texts.add(mcidText(pg, mcid));
            } else if (k instanceof PDMarkedContentReference mcr) {
                texts.add(mcidText(mcr.getPage() != null ? mcr.getPage() : pg, mcr.getMCID()));
            } else if (k instanceof PDObjectReference objr) {
                COSBase obj = objr.getCOSObject().getDictionaryObject(COSName.OBJ);
                if (obj instanceof COSDictionary d) {
                    annotationReferences.merge(d, 1, Integer::sum);
                    try {
                        annotations.add(PDAnnotation.createAnnotation(d));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        var revisions = e.getAttributes();
        for (int i = 0; i < revisions.size(); i++) {
            PDAttributeObject a = revisions.getObject(i);
            COSDictionary d = a.getCOSObject();
            for (Map.Entry<COSName, COSBase> entry : d.entrySet()) {
                if (!entry.getKey().equals(COSName.O)) {
                    String v = entry.getValue() instanceof COSName n ? n.getName() : String.valueOf(entry.getValue());
                    attributes.put(a.getOwner() + "/" + entry.getKey().getName(), v);
                }
            }
        }
        self = new Element(e.getStructureType(), depth, Optional.ofNullable(e.getLanguage()), lang,
                Optional.ofNullable(e.getAlternateDescription()), attributes,
                String.join(" ", texts.stream().filter(s -> !s.isEmpty()).toList()), annotations, kids);
        elements.set(index, self);
        return self;
    }

    private String mcidText(PDPage page, int mcid) {
        int p = pages.indexOf(page);
        if (p < 0) {
            problems.add("MCID " + mcid + " on a page that is not in the document");
            return "";
        }
        references.merge(p + ":" + mcid, 1, Integer::sum);
        String t = marked.get(p).get(mcid);
        if (t == null) {
            problems.add("the tree holds MCID " + mcid + " of page " + (p + 1) + ", which the page does not have");
            return "";
        }
        return t;
    }

    private void check() throws IOException {
        if (root == null) {
            problems.add("no structure tree");
            return;
        }
        for (int p = 0; p < marked.size(); p++) {
            for (Integer mcid : marked.get(p).keySet()) {
                int n = references.getOrDefault(p + ":" + mcid, 0);
                if (n != 1) {
                    problems.add("MCID " + mcid + " of page " + (p + 1) + " ('" + marked.get(p).get(mcid)
                            + "') is held by " + n + " elements");
                }
            }
            for (PDAnnotation a : pages.get(p).getAnnotations()) {
                int n = annotationReferences.getOrDefault(a.getCOSObject(), 0);
                if (n != 1) {
                    problems.add("an annotation of page " + (p + 1) + " is held by " + n + " elements");
                }
            }
        }
    }

    /**
     * What is wrong with the tagging: marked content held by no element or by several, MCIDs
     * the tree names and the page lacks, annotations held by no element or several. Empty when
     * every piece belongs to exactly one element.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The elements in reading order (depth first). */
    public List<Element> elements() {
        return List.copyOf(elements);
    }

    public List<Element> ofType(String type) {
        return elements.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The text of the whole tree, in reading order. */
    public String treeText() {
        return root == null ? "" : root.text();
    }

    /** The text of every artifact (running heads, folios, repeats), page after page. */
    public String artifactText() {
        return artifacts.toString();
    }

    /** The text of all marked content of page {@code n} (1-based) that has an MCID, in content order. */
    public String markedText(int n) {
        return String.join(" ", marked.get(n - 1).values());
    }

    public PDDocument document() {
        return doc;
    }

    /**
     * Letters and digits only, in compatibility form (ligatures become their letters), counted:
     * to compare two texts whatever their order, spacing, hyphenation or line breaks.
     */
    public static Map<Integer, Integer> letters(String s) {
        Map<Integer, Integer> out = new HashMap<>();
        Normalizer.normalize(s, Normalizer.Form.NFKC).codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> out.merge(c, 1, Integer::sum));
        return out;
    }

    /** Text with every run of white space taken out, in compatibility form: to compare in order. */
    public static String squeeze(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u00AD\\u200B]+", "");
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
