package org.separata.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small issues written into a temporary folder, for the tests of issue builds. */
public final class TestIssues {

    private TestIssues() {
    }

    /** A paragraph of Spanish running text, five lines or so. */
    public static final String PARAGRAPH = "Desde el comienzo del siglo XXI, Rusia ha intentado recuperar su estatus de gran "
            + "potencia en la política mundial, dejando atrás el perfil ideológico que la caracterizó durante la época "
            + "soviética. Si bien es cierto que la influencia rusa en América Latina todavía está lejos de alcanzar los "
            + "niveles de los Estados Unidos, la Unión Europea o China, Moscú ha logrado recientemente aumentar su "
            + "presencia en la región.";

    /**
     * The seed's manifest with a body of {@code k} paragraphs in one section: as {@code k} grows,
     * the back matter (how-to-cite line, licence) falls at every place of a page in turn.
     */
    public static String seedWithBody(int k) {
        try {
            String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
            int at = seed.indexOf("\nreferences:");
            String body = "body:\n  - title: Introducción\n    text: |\n" + ("      " + PARAGRAPH + "\n\n").repeat(k);
            return seed.substring(0, at + 1) + body + seed.substring(at + 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The start of an issue manifest of the seed's journal and issue, up to its first page. */
    public static String header(int firstPage) {
        return """
                journal:
                  title: Cuadernos Iberoamericanos
                  issn-print: 2409-3416
                  issn-online: 2658-5219
                volume: 9
                number: 4
                year: 2021
                first-page: %d
                """.formatted(firstPage);
    }

    /**
     * Writes an issue of {@code n} copies of the seed ({@code art1.yaml} …), each with its own
     * title ("…, parte k"), the {@code broken} ones (0-based) with a wrong ISSN check digit, and
     * returns the issue file.
     */
    public static Path issueOf(Path dir, int n, boolean rectoStart, int... broken) throws Exception {
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        StringBuilder yaml = new StringBuilder(header(84));
        yaml.append("recto-start: ").append(rectoStart).append("\narticles:\n");
        for (int i = 0; i < n; i++) {
            String text = seed.replace("una perspectiva peruana\"", "una perspectiva peruana, parte " + (i + 1) + "\"")
                    .replace("  pages: 84-100\n", "");
            for (int b : broken) {
                if (i == b) {
                    text = text.replace("issn-print: 2409-3416", "issn-print: 2409-3417");
                }
            }
            Files.writeString(dir.resolve("art" + (i + 1) + ".yaml"), text, StandardCharsets.UTF_8);
            yaml.append("  - art").append(i + 1).append(".yaml\n");
        }
        Path issue = dir.resolve("issue.yaml");
        Files.writeString(issue, yaml, StandardCharsets.UTF_8);
        return issue;
    }

    /**
     * Writes an issue of the Carvalho example (an article whose journal, logo and layout come from
     * its journal profile) into {@code into}: the article, with its profile and logo beside it
     * when {@code withProfile}, and {@code issue.yaml}, which it returns.
     */
    public static Path carvalhoIssue(Path into, boolean withProfile) throws Exception {
        Files.createDirectories(into);
        Files.copy(Repo.file("examples/carvalho-2023/article.yaml"), into.resolve("article.yaml"));
        if (withProfile) {
            Files.copy(Repo.file("examples/carvalho-2023/journal.yaml"), into.resolve("journal.yaml"));
            Files.copy(Repo.file("examples/carvalho-2023/logo.png"), into.resolve("logo.png"));
        }
        Path issue = into.resolve("issue.yaml");
        Files.writeString(issue, """
                journal: {title: "Bakhtiniana: Revista de Estudos do Discurso", issn-online: 2176-4573}
                volume: 18
                number: 2
                year: 2023
                first-page: 226
                articles: [article.yaml]
                """);
        return issue;
    }
}
