package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link Glue} keeps together, on template nodes as {@code ArticleView} makes them: text that
 * crosses an element boundary with no break opportunity; an inline formula with the punctuation
 * beside it, counted at the length of its linear form; never CJK text, which may break between
 * any two ideographs.
 */
class GlueTest {

    private static Map<String, Object> text(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "text");
        m.put("text", s);
        return m;
    }

    private static Map<String, Object> style(String tag, Object... children) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "style");
        m.put("tag", tag);
        m.put("children", List.of(children));
        return m;
    }

    private static Map<String, Object> math(String linear) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "math");
        m.put("math", Map.of("name", "math", "attrs", List.of(), "text", "", "children", List.of()));
        m.put("linear", linear);
        return m;
    }

    /** The nodes as a string: glue as [..], styles as <tag>..</tag>, formulas as $linear$. */
    @SuppressWarnings("unchecked")
    private static String show(List<Object> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Object o : nodes) {
            Map<String, Object> m = (Map<String, Object>) o;
            switch ((String) m.get("kind")) {
                case "text" -> sb.append(m.get("text"));
                case "math" -> sb.append('$').append(m.get("linear")).append('$');
                case "glue" -> sb.append('[').append(show((List<Object>) m.get("children"))).append(']');
                default -> sb.append('<').append(m.get("tag")).append('>')
                        .append(show((List<Object>) m.get("children"))).append("</").append(m.get("tag")).append('>');
            }
        }
        return sb.toString();
    }

    private static List<Object> nodes(Object... n) {
        return new ArrayList<>(List.of(n));
    }

    @Test
    void textAcrossABoundaryIsGlued() {
        assertEquals("vol. [<b>41</b>:338] more",
                show(Glue.apply(nodes(text("vol. "), style("b", text("41")), text(":338 more")))));
    }

    @Test
    void aFormulaStaysWithItsPunctuation() {
        assertEquals("where [$x^2$,] and [($a+b$)] hold",
                show(Glue.apply(nodes(text("where "), math("x^2"), text(", and ("), math("a+b"), text(") hold")))));
        // formulas are whole nodes: never split, never lost
        List<Object> out = Glue.apply(nodes(text("("), math("y"), text(")")));
        assertEquals("[($y$)]", show(out));
    }

    @Test
    void aLongFormulaIsNotGluedToItsNeighbours() {
        // its linear form is longer than Glue.LONGEST: a box that long could overflow the line
        String linear = "x".repeat(Glue.LONGEST + 1);
        assertEquals("see $" + linear + "$, then",
                show(Glue.apply(nodes(text("see "), math(linear), text(", then")))));
    }

    @Test
    void chineseIsNotGlued() {
        // a line may break between any two ideographs, at an element boundary too
        assertEquals("调查<b>问卷</b>共十二个问题",
                show(Glue.apply(nodes(text("调查"), style("b", text("问卷")), text("共十二个问题")))));
        // but not before closing punctuation: only the last ideograph is glued to it
        assertEquals("问卷<b>调</b>[<b>查</b>。]",
                show(Glue.apply(nodes(text("问卷"), style("b", text("调查")), text("。")))));
    }
}
