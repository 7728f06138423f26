package org.separata.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.read.IssueManifestReader;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Mutated manifests, JATS files and issue manifests, from a seeded generator: each case is one of
 * the seed corpus (the examples, the test resources and the shared real JATS files) with one to
 * four mutations: spans deleted, doubled or swapped, bytes flipped, the file cut short, numbers
 * pushed to their edges, and hostile tokens put in (control characters, escapes, entities,
 * DOCTYPEs, YAML aliases, markup, huge runs). Every outcome must be a success or a clean error:
 * exit 0 or 3 from {@code validate} and {@code render}, a {@link SeparataException} from the
 * issue reader; never exit 1, an internal error or a trace. A failing case is saved under
 * {@code target/fuzz-failures/} with its seed.
 *
 * <p>{@code -Dfuzz.seed=N} and {@code -Dfuzz.cases=N} change the run (default: a fixed seed and a
 * number of cases that runs in well under a minute on the project's machine).
 */
@Slow
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20211230L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 300);
    /** One case in this many is also rendered (rendering costs more than reading). */
    private static final int RENDER_EVERY = 12;

    private static final String[] TOKENS = {
        "\u0000", "\u0007", "\u001b[31m", "\u009b", "\u202e", "\u2066", "\ud800", "\udfff", "\ufffe", "\\a", "\\e",
        "\\u202E", "\\ud800", "\\x1b", "&lol;", "&#x0;", "&#x85;", "&#xD800;", "&#1114112;", "&nbsp;", "&amp",
        "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "<xi:include href=\"/etc/passwd\"/>",
        "*anchor", "&anchor ", "<<: *base", ": ", "- ", "{", "}", "[", "]", "\"", "'", "\n---\n", "\t", "#",
        "99999999999", "-2147483648", "2147483647", "1e400", "0", "-1", "10000", "9223372036854775808",
        "<i>", "</b>", "<sup><sub>", "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"file:///etc/passwd\">",
        "${7*7}", "<#assign x=1>", "?new()", "]]>", "<![CDATA[", "<?xml-stylesheet href=\"x\"?>", "&#x202E;",
        "🎉", "中文", "ﷺ", "\u0301\u0301\u0301", "x".repeat(5000), "<p>".repeat(300), "[".repeat(200),
        "https://doi.org/10.1000/" + "a".repeat(400), "10.", "0000-0002-1825-0098", "2409-3417", "2021-02-30",
    };

    @TempDir
    Path dir;

    private static List<Path> corpus() throws IOException {
        List<Path> out = new ArrayList<>(Repo.examples());
        for (String folder : List.of("src/test/resources/cases", "src/test/resources/jats")) {
            try (Stream<Path> s = Files.walk(Repo.file(folder), 2)) {
                s.filter(p -> p.toString().matches(".*\\.(ya?ml|json|xml)$")).sorted().forEach(out::add);
            }
        }
        Repo.sharedCorpus().ifPresent(c -> {
            try (Stream<Path> s = Files.walk(c)) {
                s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out;
    }

    /** One mutation of {@code s}. */
    private static String mutate(String s, Random r) {
        if (s.isEmpty()) {
            return TOKENS[r.nextInt(TOKENS.length)];
        }
        int a = r.nextInt(s.length());
        int b = Math.min(s.length(), a + 1 + r.nextInt(Math.min(400, s.length())));
        switch (r.nextInt(8)) {
            case 0:
                return s.substring(0, a) + s.substring(b);
            case 1:
                return s.substring(0, b) + s.substring(a, b) + s.substring(b);
            case 2:
                return s.substring(0, a);
            case 3: {
                int c = r.nextInt(s.length());
                int d = Math.min(s.length(), c + (b - a));
                if (c >= b) {
                    return s.substring(0, a) + s.substring(c, d) + s.substring(b, c) + s.substring(a, b) + s.substring(d);
                }
                return s.substring(0, a) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(a);
            }
            case 4: {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(s);
                List<int[]> numbers = new ArrayList<>();
                while (m.find()) {
                    numbers.add(new int[] {m.start(), m.end()});
                }
                if (numbers.isEmpty()) {
                    return s;
                }
                int[] n = numbers.get(r.nextInt(numbers.size()));
                String[] edges = {"0", "-1", "2147483647", "2147483648", "99999999999999999999", "10000", "999999"};
                return s.substring(0, n[0]) + edges[r.nextInt(edges.length)] + s.substring(n[1]);
            }
            default:
                return s.substring(0, a) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(a);
        }
    }

    private static byte[] flipBytes(byte[] bytes, Random r) {
        byte[] out = bytes.clone();
        for (int i = 0, n = 1 + r.nextInt(8); i < n && out.length > 0; i++) {
            out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        return out;
    }

    record Outcome(int code, String out, String err) {
    }

    private static Outcome run(World world, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), world);
        return new Outcome(code, out.toString(), err.toString());
    }

    private void check(Outcome o, String what, Path input, long seed, List<String> failures) throws IOException {
        boolean clean = (o.code() == 0 || o.code() == 3) && !o.err().contains("internal error")
                && !o.err().contains("\tat ") && !o.err().contains("Exception");
        if (!clean) {
            Path saved = Repo.file("target/fuzz-failures");
            Files.createDirectories(saved);
            Path copy = saved.resolve(seed + "-" + input.getFileName());
            Files.copy(input, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            failures.add(what + " exited " + o.code() + " on " + copy + " (seed " + seed + "):\n" + o.err());
        }
    }

    @Test
    void mutatedInputsEndInASuccessOrACleanError() throws IOException {
        List<Path> corpus = corpus();
        List<byte[]> originals = new ArrayList<>();
        for (Path p : corpus) {
            originals.add(Files.readAllBytes(p));
        }
        World world = World.withEnvironment(Map.of());
        Random cases = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        for (int i = 0; i < CASES && failures.size() < 5; i++) {
            long seed = cases.nextLong();
            Random r = new Random(seed);
            int pick = r.nextInt(corpus.size());
            Path source = corpus.get(pick);
            String name = source.getFileName().toString();
            byte[] bytes = originals.get(pick);
            if (r.nextInt(10) == 0) {
                bytes = flipBytes(bytes, r);
            } else {
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (int m = 0, n = 1 + r.nextInt(4); m < n; m++) {
                    text = mutate(text, r);
                }
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
            Path input = dir.resolve("case" + i + name.substring(name.lastIndexOf('.')));
            Files.write(input, bytes);
            check(run(world, "validate", input.toString()), "validate", input, seed, failures);
            if (i % RENDER_EVERY == 0) {
                rendered++;
                check(run(world, "render", input.toString(), "-o", dir.resolve("case" + i + ".pdf").toString(),
                        "--pdfa", "none"), "render", input, seed, failures);
            }
            Files.delete(input);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " cases ended badly (" + rendered + " rendered):\n"
                    + String.join("\n", failures));
        }
    }

    @Test
    void mutatedIssueManifestsAreReadOrRefusedCleanly() throws IOException {
        byte[] issue = Files.readAllBytes(Repo.file("examples/issue-2021-4/issue.yaml"));
        Random cases = new Random(SEED + 1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            long seed = cases.nextLong();
            Random r = new Random(seed);
            String text = new String(issue, StandardCharsets.UTF_8);
            for (int m = 0, n = 1 + r.nextInt(4); m < n; m++) {
                text = mutate(text, r);
            }
            try {
                IssueManifestReader.read(text.getBytes(StandardCharsets.UTF_8), "issue.yaml");
            } catch (SeparataException e) {
                // a clean error
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": " + e + "\n" + text);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " issue manifests ended badly:\n" + String.join("\n", failures.subList(0,
                    Math.min(3, failures.size()))));
        }
    }
}
