package org.separata.finish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.separata.tags.Annotation;
import org.separata.tags.Content;
import org.separata.tags.Kid;
import org.separata.tags.Tag;

/**
 * Writes a document's structure ({@link Tag}, from the renderer) into the PDF as its structure
 * tree (ISO 32000-1 14.7), with what PDF/UA-1 asks around it:
 * <ul>
 * <li>the {@code StructTreeRoot} with one element per {@link Tag}, in reading order, each with its
 *     type, {@code /Lang} where it differs from its parent's (the root's from the catalog's),
 *     {@code /Alt}, and table and list attributes ({@code /A} with {@code /O /Table} or
 *     {@code /O /List});</li>
 * <li>marked-content references (a bare MCID on the element's own page {@code /Pg}, an
 *     {@code /MCR} on another page), and object references ({@code /OBJR}) to link annotations,
 *     each annotation getting its {@code /StructParent};</li>
 * <li>the {@code ParentTree} (each page's {@code /StructParents} → its MCIDs' elements, each
 *     annotation's key → its element) and {@code ParentTreeNextKey};</li>
 * <li>an {@code /ID} for every {@code Note} (PDF/UA-1 7.9), listed in the {@code IDTree};</li>
 * <li>{@code /MarkInfo <</Marked true>>} in the catalog and {@code /Tabs /S} on every page with
 *     annotations (PDF/UA-1 7.18.3).</li>
 * </ul>
 */
final class StructureWriter {

    private static final COSName TABLE = COSName.getPDFName("Table");
    private static final COSName LIST = COSName.getPDFName("List");
    private static final COSName SCOPE = COSName.getPDFName("Scope");
    private static final COSName ROW_SPAN = COSName.getPDFName("RowSpan");
    private static final COSName COL_SPAN = COSName.getPDFName("ColSpan");
    private static final COSName LIST_NUMBERING = COSName.getPDFName("ListNumbering");
    private static final COSName MCR = COSName.getPDFName("MCR");
    private static final COSName TABS = COSName.getPDFName("Tabs");
    private static final COSName MARKED = COSName.getPDFName("Marked");

    private final PDDocument doc;
    private final List<PDPage> pages = new ArrayList<>();
    /** Per page: the element of each MCID. */
    private final Map<Integer, List<COSDictionary>> marked = new TreeMap<>();
    /** Annotations' parents, in the order their keys are given. */
    private final List<COSDictionary> annotationParents = new ArrayList<>();
    private final List<PDAnnotation> annotations = new ArrayList<>();
    private final Map<Integer, Map<String, PDAnnotation>> named = new HashMap<>();
    private final Map<String, COSDictionary> ids = new TreeMap<>();
    private int notes;

    private StructureWriter(PDDocument doc) {
        this.doc = doc;
        doc.getPages().forEach(pages::add);
    }

    /**
     * Writes {@code root} as the structure tree of {@code doc}, whose catalog language is
     * {@code catalogLang}; page indices in {@code root} are those of {@code doc}'s pages.
     */
    static void write(PDDocument doc, Tag root, String catalogLang) throws IOException {
        new StructureWriter(doc).tree(root, catalogLang);
    }

    private void tree(Tag root, String catalogLang) throws IOException {
        COSDictionary treeRoot = new COSDictionary();
        treeRoot.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
        COSDictionary top = element(root, treeRoot, catalogLang);
        treeRoot.setItem(COSName.K, top);

        COSArray nums = new COSArray();
        int key = 0;
        for (Map.Entry<Integer, List<COSDictionary>> e : marked.entrySet()) {
            COSArray parents = new COSArray();
            for (COSDictionary d : e.getValue()) {
                parents.add(d == null ? COSNull.NULL : d);
            }
            pages.get(e.getKey()).getCOSObject().setInt(COSName.STRUCT_PARENTS, key);
            nums.add(COSInteger.get(key++));
            nums.add(parents);
        }
        for (int i = 0; i < annotations.size(); i++) {
            annotations.get(i).setStructParent(key);
            nums.add(COSInteger.get(key++));
            nums.add(annotationParents.get(i));
        }
        COSDictionary parentTree = new COSDictionary();
        parentTree.setItem(COSName.NUMS, nums);
        treeRoot.setItem(COSName.PARENT_TREE, parentTree);
        treeRoot.setInt(COSName.PARENT_TREE_NEXT_KEY, key);
        if (!ids.isEmpty()) {
            // a name tree's keys are in byte order
            COSArray names = new COSArray();
            ids.forEach((id, el) -> {
                names.add(new COSString(id));
                names.add(el);
            });
            COSDictionary idTree = new COSDictionary();
            idTree.setItem(COSName.NAMES, names);
            treeRoot.setItem(COSName.ID_TREE, idTree);
        }

        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        catalog.setItem(COSName.STRUCT_TREE_ROOT, treeRoot);
        COSDictionary markInfo = new COSDictionary();
        markInfo.setItem(MARKED, COSBoolean.TRUE);
        catalog.setItem(COSName.MARK_INFO, markInfo);
        for (PDPage page : pages) {
            if (!page.getAnnotations().isEmpty()) {
                page.getCOSObject().setItem(TABS, COSName.S);
            }
        }
    }

    private COSDictionary element(Tag t, COSDictionary parent, String parentLang) throws IOException {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.TYPE, COSName.STRUCT_ELEM);
        d.setItem(COSName.S, COSName.getPDFName(t.type()));
        d.setItem(COSName.P, parent);
        String lang = t.lang().orElse(parentLang);
        if (!lang.isEmpty() && !lang.equals(parentLang)) {
            d.setItem(COSName.LANG, new COSString(lang));
        }
        t.alt().ifPresent(a -> d.setItem(COSName.ALT, new COSString(a)));
        if (t.type().equals("Note")) {
            // PDF/UA-1 7.9: every note has an ID, unique in the document
            String id = "note-" + (++notes);
            d.setItem(COSName.ID, new COSString(id));
            ids.put(id, d);
        }
        attributes(t, d);
        int page = firstPage(t);
        if (page >= 0) {
            d.setItem(COSName.PG, pages.get(page).getCOSObject());
        }
        COSArray kids = new COSArray();
        for (Kid k : t.kids()) {
            if (k instanceof Tag child) {
                kids.add(element(child, d, lang));
            } else if (k instanceof Content c) {
                kids.add(c.page() == page ? COSInteger.get(c.mcid()) : markedContentReference(c));
                List<COSDictionary> onPage = marked.computeIfAbsent(c.page(), p -> new ArrayList<>());
                while (onPage.size() <= c.mcid()) {
                    onPage.add(null);
                }
                onPage.set(c.mcid(), d);
            } else if (k instanceof Annotation a) {
                PDAnnotation annotation = annotation(a);
                if (annotation != null) {
                    COSDictionary objr = new COSDictionary();
                    objr.setItem(COSName.TYPE, COSName.OBJR);
                    objr.setItem(COSName.PG, pages.get(a.page()).getCOSObject());
                    objr.setItem(COSName.OBJ, annotation.getCOSObject());
                    objr.setDirect(true);
                    kids.add(objr);
                    annotations.add(annotation);
                    annotationParents.add(d);
                }
            }
        }
        d.setItem(COSName.K, kids);
        return d;
    }

    /** Marked content on another page than its element's. */
    private COSDictionary markedContentReference(Content c) {
        COSDictionary mcr = new COSDictionary();
        mcr.setItem(COSName.TYPE, MCR);
        mcr.setItem(COSName.PG, pages.get(c.page()).getCOSObject());
        mcr.setInt(COSName.MCID, c.mcid());
        mcr.setDirect(true);
        return mcr;
    }

    private static int firstPage(Tag t) {
        for (Kid k : t.kids()) {
            if (k instanceof Content c) {
                return c.page();
            }
        }
        return -1;
    }

    /** Table cells' scope and spans, lists' numbering, as attribute objects. */
    private static void attributes(Tag t, COSDictionary d) {
        Tag.Attributes a = t.attributes();
        if (a.isNone()) {
            return;
        }
        COSDictionary attr = new COSDictionary();
        if (a.listNumbering().isPresent()) {
            attr.setItem(COSName.O, LIST);
            attr.setItem(LIST_NUMBERING, COSName.getPDFName(a.listNumbering().get()));
        } else {
            attr.setItem(COSName.O, TABLE);
            a.scope().ifPresent(s -> attr.setItem(SCOPE, COSName.getPDFName(s)));
            if (a.rowSpan() > 1) {
                attr.setInt(ROW_SPAN, a.rowSpan());
            }
            if (a.colSpan() > 1) {
                attr.setInt(COL_SPAN, a.colSpan());
            }
        }
        attr.setDirect(true);
        d.setItem(COSName.A, attr);
    }

    /** The annotation a kid names, on its page; null if the page has none of that name. */
    private PDAnnotation annotation(Annotation a) throws IOException {
        Map<String, PDAnnotation> byName = named.get(a.page());
        if (byName == null) {
            byName = new HashMap<>();
            for (PDAnnotation an : pages.get(a.page()).getAnnotations()) {
                if (an.getAnnotationName() != null) {
                    byName.put(an.getAnnotationName(), an);
                }
            }
            named.put(a.page(), byName);
        }
        return byName.get(a.name());
    }
}
