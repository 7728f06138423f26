package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.separata.layout.PageGeometry;
import org.separata.render.LayoutRound;
import org.separata.render.LayoutRound.Reason;
import org.separata.support.PageGlyphs;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TaggedPdf;
import org.separata.support.TestIssues;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A figure or short table that does not fit at the foot of a page goes to the next one, and the
 * paragraphs that follow it in the source fill the page it left: read back from the PDF, no page
 * but the last ends with more than three body lines blank while the next page starts with a
 * float that a paragraph of its section follows in the source and that paragraph is not already
 * on the blank page; every table stays whole on one page and in order; every paragraph is printed
 * once and in source order, and a moved table is tagged where it is printed. The research article (in all three packs) and a generated article
 * with a short table after 1 to 14 paragraphs (and a short one), so that it falls at every place of
 * the first pages.
 */
@Slow
class FloatsTest {

    private static final double PT_PER_MM = 72 / 25.4;
    /**
     * Blank lines at a page's foot, from the last line's glyphs to the foot of the text block, that
     * text must fill where it can (the renderer acts from two, measured from the last line's box).
     */
    private static final int BLANK_LINES = 3;

    /** A float of the input: its label, the last row's cells (tables), and the paragraph that follows its run. */
    private record Placed(String label, String lastRow, String nextParagraph) {
    }

    /** What the input says: its floats in order, and the first words of its body paragraphs in order. */
    private record Facts(List<Placed> floats, List<String> paragraphs) {
    }

    private static Facts facts(byte[] jats) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(jats));
        Element body = (Element) d.getElementsByTagName("body").item(0);
        List<Placed> floats = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        NodeList all = body.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getTagName();
            if ((name.equals("table-wrap") || name.equals("fig")) && first(e, "label") != null) {
                String lastRow = null;
                NodeList rows = e.getElementsByTagName("tr");
                if (rows.getLength() > 0) {
                    lastRow = PdfInspector.reading(rows.item(rows.getLength() - 1).getTextContent());
                }
                Element next = next(e);
                while (next != null && (next.getTagName().equals("table-wrap") || next.getTagName().equals("fig"))) {
                    next = next(next);
                }
                String para = next != null && next.getTagName().equals("p") ? start(next) : null;
                floats.add(new Placed(PdfInspector.reading(first(e, "label").getTextContent()), lastRow, para));
            } else if (name.equals("p") && e.getParentNode() instanceof Element s && s.getTagName().equals("sec")) {
                String s0 = start(e);
                if (s0 != null) {
                    paragraphs.add(s0);
                }
            }
        }
        return new Facts(floats, paragraphs);
    }

    /** The paragraph's first three words, from the text before any markup; null if it has fewer. */
    private static String start(Element p) {
        Node n = p.getFirstChild();
        String text = n != null && n.getNodeType() == Node.TEXT_NODE ? n.getNodeValue().strip() : "";
        String[] words = text.split("\\s+");
        return words.length < 4 ? null : PdfInspector.reading(String.join(" ", List.of(words).subList(0, 3)));
    }

    private static Element first(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static Element next(Element e) {
        for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element x) {
                return x;
            }
        }
        return null;
    }

    /** One line of a page: its glyphs' text joined, and its top and bottom (points from the page's top). */
    private record Line(String text, float top, float bottom) {
    }

    /** The lines of each page's text block (1-based pages), top to bottom. */
    private static Map<Integer, List<Line>> bodyLines(byte[] pdf, PageGeometry g) {
        Map<Integer, List<PageGlyphs.Glyph>> byPage = new TreeMap<>();
        for (PageGlyphs.Glyph t : PageGlyphs.of(pdf)) {
            byPage.computeIfAbsent(t.page(), k -> new ArrayList<>()).add(t);
        }
        Map<Integer, List<Line>> out = new TreeMap<>();
        byPage.forEach((page, glyphs) -> {
            double top = g.top() * PT_PER_MM;
            double bottom = glyphs.get(0).pageHeight() - g.bottom() * PT_PER_MM;
            List<PageGlyphs.Glyph> in = new ArrayList<>(glyphs.stream()
                    .filter(t -> t.top() >= top - 1 && t.bottom() <= bottom + 1).toList());
            in.sort((a, b) -> a.bottom() != b.bottom() ? Float.compare(a.bottom(), b.bottom()) : Float.compare(a.left(), b.left()));
            List<Line> lines = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            float lineTop = 0;
            float base = Float.NaN;
            for (PageGlyphs.Glyph t : in) {
                if (Float.isNaN(base) || t.bottom() - base > 2) {
                    if (!Float.isNaN(base)) {
                        lines.add(new Line(sb.toString(), lineTop, base));
                    }
                    sb.setLength(0);
                    lineTop = t.top();
                    base = t.bottom();
                }
                sb.append(t.text());
                lineTop = Math.min(lineTop, t.top());
                base = Math.max(base, t.bottom());
            }
            if (!Float.isNaN(base)) {
                lines.add(new Line(sb.toString(), lineTop, base));
            }
            out.put(page, lines);
        });
        return out;
    }

    /**
     * The body line pitch: the commonest distance between the baselines of two lines of running
     * text (40 glyphs or more: not table rows, headings or captions) that follow each other.
     */
    private static float pitch(Map<Integer, List<Line>> pages) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (List<Line> lines : pages.values()) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).text().length() < 40 || lines.get(i - 1).text().length() < 40) {
                    continue;
                }
                int tenths = Math.round((lines.get(i).bottom() - lines.get(i - 1).bottom()) * 10);
                counts.merge(tenths, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey() / 10f;
    }

    private static final Map<String, Float> PITCH = new java.util.concurrent.ConcurrentHashMap<>();

    /** The body line pitch of {@code pack}, read from the generated article, mostly running text, set in it. */
    private static float pitch(String pack) {
        Separata s = Rendering.separata();
        byte[] jats = article(3, false, false).getBytes(StandardCharsets.UTF_8);
        byte[] pdf = s.render(s.prepare(jats, "article.xml", new RenderOptions(pack, false))).pdf();
        return pitch(bodyLines(pdf, geometry(pack)));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Checks one PDF of an input against the input's facts; problems are added to {@code out}. */
    private static void check(String what, Facts facts, byte[] pdf, String pack, List<String> out) {
        PageGeometry g = geometry(pack);
        Map<Integer, List<Line>> pages = bodyLines(pdf, g);
        Map<Integer, Float> heights = new HashMap<>();
        PageGlyphs.of(pdf).forEach(t -> heights.put(t.page(), t.pageHeight()));
        float pitch = PITCH.computeIfAbsent(pack, FloatsTest::pitch);
        List<String> pageTexts = new ArrayList<>();
        String all;
        try (PdfInspector in = new PdfInspector(pdf)) {
            for (int p = 1; p <= in.pageCount(); p++) {
                pageTexts.add(PdfInspector.reading(PdfInspector.flat(in.pageText(p))));
            }
            all = String.join(" ", pageTexts);
        }
        int last = pageTexts.size();
        // blank page feet that a paragraph after a float could have filled
        for (int p = 1; p < last; p++) {
            List<Line> here = pages.getOrDefault(p, List.of());
            List<Line> next = pages.getOrDefault(p + 1, List.of());
            if (here.isEmpty() || next.isEmpty()) {
                continue;
            }
            double foot = heights.get(p) - g.bottom() * PT_PER_MM;
            double blank = foot - here.get(here.size() - 1).bottom();
            if (blank <= BLANK_LINES * pitch) {
                continue;
            }
            String head = squeeze(PdfInspector.reading(next.get(0).text()));
            for (Placed f : facts.floats()) {
                if (f.nextParagraph() != null && head.startsWith(squeeze(f.label()))
                        && !pageTexts.get(p - 1).contains(f.nextParagraph())) {
                    out.add(what + ": p." + p + " ends " + Math.round(blank) + " pt blank (a line is "
                            + pitch + " pt) while '" + f.label() + "' starts p." + (p + 1) + ", and '"
                            + f.nextParagraph() + "…' follows it in the source");
                }
            }
        }
        // tables whole and in order
        int at = -1;
        for (Placed f : facts.floats()) {
            int found = all.indexOf(f.label() + ".");
            if (found < 0) {
                out.add(what + ": '" + f.label() + ".' not printed");
                continue;
            }
            if (found < at) {
                out.add(what + ": '" + f.label() + "' printed before the float before it");
            }
            at = found;
            if (f.lastRow() != null) {
                boolean whole = false;
                for (String page : pageTexts) {
                    int c = page.indexOf(f.label() + ".");
                    if (c >= 0 && squeeze(page).indexOf(squeeze(f.lastRow()), squeeze(page.substring(0, c)).length()) >= 0) {
                        whole = true;
                    }
                }
                if (!whole) {
                    out.add(what + ": '" + f.label() + "' and its last row '" + f.lastRow() + "' are not on one page");
                }
            }
        }
        // every paragraph once, in source order
        int pos = -1;
        for (String s : facts.paragraphs()) {
            int count = PdfInspector.count(all, s);
            if (count != 1) {
                out.add(what + ": '" + s + "…' printed " + count + " times");
                continue;
            }
            int found = all.indexOf(s);
            if (found < pos) {
                out.add(what + ": '" + s + "…' printed before the paragraph before it in the source");
            }
            pos = found;
        }
    }

    /**
     * The structure tree holds each piece once, and the tables stand in it where they are printed:
     * before and after the same paragraphs (each begins "Zq<n> Desde") as on the pages.
     */
    private static void tagsFollowThePage(String what, byte[] pdf, List<String> out) {
        String tree;
        String pages;
        try (TaggedPdf t = new TaggedPdf(pdf); PdfInspector in = new PdfInspector(pdf)) {
            if (!t.problems().isEmpty()) {
                out.add(what + ": tagging " + t.problems());
            }
            tree = squeeze(PdfInspector.reading(t.treeText()));
            pages = squeeze(PdfInspector.reading(in.text()));
        }
        for (String table : List.of("Tabla1.", "Tabla2.")) {
            for (int n = 0; n <= 30; n++) {
                String para = "Zq" + n + "Desde";
                if (pages.contains(para) && tree.contains(table)
                        && (pages.indexOf(para) < pages.indexOf(table)) != (tree.indexOf(para) < tree.indexOf(table))) {
                    out.add(what + ": " + table + " stands in the structure tree on the other side of " + para
                            + " than on the page");
                }
            }
        }
    }

    /** A JATS article laid out and rendered in the classic pack, not yet finished. */
    private static Rendered laidOut(byte[] jats) {
        Separata s = Rendering.separata();
        return s.render(s.typeset(s.prepare(jats, "article.xml", RenderOptions.defaults())));
    }

    private static PageGeometry geometry(String pack) {
        return Rendering.separata().layouts().get(pack).pack().page();
    }

    @Test
    void theResearchArticlesFloatsLetTextFillThePageBefore() throws Exception {
        Path article = Repo.root().resolve("examples/research-article/article.xml");
        Facts facts = facts(java.nio.file.Files.readAllBytes(article));
        assertTrue(facts.floats().stream().anyMatch(f -> f.nextParagraph() != null), "the input has a float a paragraph follows");
        List<String> out = new ArrayList<>();
        for (String pack : List.of("classic", "compact", "modern")) {
            check(pack, facts, Rendering.render(article, pack).pdf(), pack, out);
        }
        assertTrue(out.isEmpty(), String.join("\n", out));
    }

    private static final List<String> SITES = List.of("Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum");

    /**
     * A JATS article: {@code before} paragraphs, a table of eight rows, five paragraphs, a table of
     * five, four paragraphs; with {@code heading}, a new section begins right after the first table;
     * with {@code shift}, a paragraph of two lines or so comes first, to move the rest by as much.
     */
    static String article(int before, boolean heading, boolean shift) {
        StringBuilder body = new StringBuilder();
        int[] n = {0};
        if (shift) {
            body.append("<p>Zq0 ").append(TestIssues.PARAGRAPH, 0, TestIssues.PARAGRAPH.length() / 3).append(".</p>\n");
        }
        Runnable para = () -> body.append("<p>Zq").append(++n[0]).append(' ').append(TestIssues.PARAGRAPH).append("</p>\n");
        for (int i = 0; i < before; i++) {
            para.run();
        }
        table(body, 1, 8);
        if (heading) {
            body.append("</sec><sec><title>Discusión</title>\n");
        }
        for (int i = 0; i < 5; i++) {
            para.run();
        }
        table(body, 2, 5);
        for (int i = 0; i < 4; i++) {
            para.run();
        }
        return ShortTablesTest.jats("Tablas que flotan", body.toString());
    }

    private static void table(StringBuilder body, int number, int rows) {
        body.append("<table-wrap id=\"t").append(number).append("\"><label>Tabla ").append(number)
                .append("</label><caption><title>Sitios.</title></caption><table>")
                .append("<thead><tr><th>Sitio</th><th>Cuenta</th></tr></thead><tbody>");
        for (int r = 0; r < rows; r++) {
            body.append("<tr><td>").append(SITES.get(r % SITES.size())).append("row").append(number).append(r)
                    .append("</td><td>").append(r * 7 + number).append("</td></tr>");
        }
        body.append("</tbody></table></table-wrap>\n");
    }

    @Test
    void aShortTableWhereverItFallsLetsTheTextAfterItFillThePage() throws Exception {
        List<String> out = new ArrayList<>();
        int moved = 0;
        Separata s = Rendering.separata();
        for (int k = 1; k <= 28; k++) {
            byte[] jats = article((k + 1) / 2, false, k % 2 == 0).getBytes(StandardCharsets.UTF_8);
            Rendered r = laidOut(jats);
            List<LayoutRound> rounds = r.layoutRounds();
            long kept = rounds.stream().filter(x -> x.reason() == Reason.FLOAT).count()
                    - rounds.stream().filter(x -> x.reason() == Reason.FLOAT_BACK).count();
            moved += kept > 0 ? 1 : 0;
            // a move is kept only if it adds no page: never more pages than the layout that prompted the first
            rounds.stream().filter(x -> x.reason() == Reason.FLOAT).findFirst().ifPresent(x -> assertTrue(
                    r.pageCount() <= x.pages(), r.pageCount() + " pages after a move, " + x.pages() + " before"));
            String what = (k + 1) / 2 + (k % 2 == 0 ? " paragraphs and a short one" : " paragraphs") + " before";
            byte[] pdf = s.finish(r).pdf();
            check(what, facts(jats), pdf, "classic", out);
            tagsFollowThePage(what, pdf, out);
        }
        assertTrue(out.isEmpty(), String.join("\n", out));
        assertTrue(moved > 0, "a table was moved after the text that follows it for some k");
    }

    @Test
    void aMoveThatWouldLeaveAnotherPageBlankIsTakenBack() throws Exception {
        // a short table (a head and eleven rows), then a paragraph of some forty lines: moved after
        // that paragraph, the table may no longer fit below the paragraph's rest and goes on to the
        // next page, leaving the foot of the page between blank; such a move is taken back (the
        // table is printed before that paragraph again), and a move that is kept never leaves a
        // page ending more than three lines blank before a page that starts with the table
        List<String> out = new ArrayList<>();
        int back = 0;
        Separata s = Rendering.separata();
        for (int k = 1; k <= 14; k++) {
            StringBuilder body = new StringBuilder();
            for (int i = 1; i <= k; i++) {
                body.append("<p>Zq").append(i).append(' ').append(TestIssues.PARAGRAPH).append("</p>\n");
            }
            table(body, 1, 11);
            body.append("<p>Zq").append(k + 1).append(' ').append((TestIssues.PARAGRAPH + " ").repeat(10)).append("</p>\n");
            for (int i = k + 2; i <= k + 4; i++) {
                body.append("<p>Zq").append(i).append(' ').append(TestIssues.PARAGRAPH).append("</p>\n");
            }
            byte[] jats = ShortTablesTest.jats("Tablas que vuelven", body.toString()).getBytes(StandardCharsets.UTF_8);
            Rendered r = laidOut(jats);
            boolean moved = r.layoutRounds().stream().anyMatch(x -> x.reason() == Reason.FLOAT);
            boolean takenBack = r.layoutRounds().stream().anyMatch(x -> x.reason() == Reason.FLOAT_BACK);
            byte[] pdf = s.finish(r).pdf();
            Facts facts = facts(jats);
            // tables whole and paragraphs once and in order (no paragraph is said to follow the table)
            List<Placed> floats = facts.floats().stream().map(f -> new Placed(f.label(), f.lastRow(), null)).toList();
            check(k + " paragraphs before", new Facts(floats, facts.paragraphs()), pdf, "classic", out);
            String text;
            try (PdfInspector in = new PdfInspector(pdf)) {
                text = squeeze(PdfInspector.reading(in.text()));
            }
            if (takenBack) {
                back++;
                if (text.indexOf("Tabla1.") > text.indexOf("Zq" + (k + 1) + "Desde")) {
                    out.add(k + " paragraphs before: the move was taken back, yet the table is printed after the paragraph after it");
                }
            } else if (moved) {
                Map<Integer, List<Line>> pages = bodyLines(pdf, geometry("classic"));
                Map<Integer, Float> heights = new HashMap<>();
                PageGlyphs.of(pdf).forEach(t -> heights.put(t.page(), t.pageHeight()));
                float pitch = PITCH.computeIfAbsent("classic", FloatsTest::pitch);
                for (int p = 1; p < pages.size(); p++) {
                    List<Line> here = pages.get(p);
                    List<Line> next = pages.get(p + 1);
                    if (here.isEmpty() || next.isEmpty()) {
                        continue;
                    }
                    double blank = heights.get(p) - geometry("classic").bottom() * PT_PER_MM - here.get(here.size() - 1).bottom();
                    if (blank > BLANK_LINES * pitch && squeeze(next.get(0).text()).startsWith("Tabla")) {
                        out.add(k + " paragraphs before: the table was moved, and p." + p + " ends " + Math.round(blank)
                                + " pt blank before it");
                    }
                }
            }
        }
        assertTrue(out.isEmpty(), String.join("\n", out));
        assertTrue(back > 0, "for some k a move was taken back");
    }

    @Test
    void aTableFollowedByAHeadingStaysAndTheCheckSeesItsBlankFoot() throws Exception {
        // a table that a new section follows cannot move: the check passes, as nothing could fill
        // the page before; told (falsely) that a paragraph follows each table, it finds the blank foot
        List<String> real = new ArrayList<>();
        List<String> told = new ArrayList<>();
        Separata s = Rendering.separata();
        for (int k = 1; k <= 14; k++) {
            byte[] jats = article(k, true, false).getBytes(StandardCharsets.UTF_8);
            byte[] pdf = s.finish(laidOut(jats)).pdf();
            Facts facts = facts(jats);
            check(k + " paragraphs before", facts, pdf, "classic", real);
            List<Placed> fake = new ArrayList<>();
            for (Placed f : facts.floats()) {
                fake.add(new Placed(f.label(), f.lastRow(), f.nextParagraph() == null ? "Zq99" : f.nextParagraph()));
            }
            check(k + " (told)", new Facts(fake, List.of()), pdf, "classic", told);
        }
        assertTrue(real.isEmpty(), String.join("\n", real));
        assertTrue(!told.isEmpty(), "for some k the first table starts a page after a blank foot");
    }
}
