package org.separata.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.separata.support.Repo;

/**
 * The one-way pipeline, checked on the sources: {@code batch} is a scheduler over
 * {@code pipeline} and names nothing below it; only {@code pipeline}, {@code model}, {@code diag}
 * and {@code env} of Separata (and the JDK). A plain scan of the source text: every
 * {@code org.separata.X} it mentions, in imports and in code.
 */
class PackageRulesTest {

    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.separata\\.([a-z]+)\\b");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");

    /** The Separata packages {@code pkg}'s sources mention, with the files that do. */
    private static List<String> offences(String pkg, Set<String> allowed, Set<String> allowedOutside) throws IOException {
        Path dir = Repo.file("src/main/java/org/separata/" + pkg);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(pkg) && !allowed.contains(m.group(1))) {
                        out.add(f.getFileName() + ": org.separata." + m.group(1));
                    }
                }
                Matcher i = IMPORT.matcher(text);
                while (i.find()) {
                    String name = i.group(1);
                    if (!name.startsWith("org.separata.") && allowedOutside.stream().noneMatch(name::startsWith)) {
                        out.add(f.getFileName() + ": import " + name);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void batchSchedulesThePipelineAndNamesNothingBelowIt() throws IOException {
        assertEquals(List.of(), offences("batch", Set.of("pipeline", "model", "diag", "env"), Set.of("java.")));
    }

    @Test
    void serveSchedulesThePipelineOnTheJdksOwnServerAndNamesNothingBelowIt() throws IOException {
        assertEquals(List.of(), offences("serve", Set.of("pipeline", "model", "diag", "env"),
                Set.of("java.", "com.sun.net.httpserver.")));
    }

    @Test
    void theScanSeesWhatItLooksFor() throws IOException {
        // the scan itself: pipeline does name the stages below it, so it must find them there
        Set<String> named = new TreeSet<>();
        offences("pipeline", Set.of(), Set.of("java.")).forEach(o -> named.add(o.replaceAll(".*org\\.separata\\.", "")));
        assertTrue(named.containsAll(Set.of("read", "layout", "render", "finish")), named.toString());
    }
}
