package org.separata.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;
import org.separata.data.Node.MapNode;
import org.separata.data.SchemaChecker;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.World;
import org.separata.model.CitationStyle;
import org.separata.model.InvalidIdentifierException;
import org.separata.model.Issn;

/**
 * Reads a journal profile ({@code journal.yaml} or {@code .json}; schema
 * {@code schema/journal.schema.json}): journals keyed by ISSN, each with what all its articles
 * share. The journal and licence fields are read exactly as in a manifest.
 */
public final class JournalProfileReader {

    /** The name a profile has when it is found next to an article. */
    public static final String FILE_NAME = "journal.yaml";

    /** The schema, parsed once per process. */
    private static final class Schema {
        static final SchemaChecker CHECKER = SchemaChecker.builtIn("journal.schema.json");
    }


    private JournalProfileReader() {
    }

    /**
     * Reads and checks a profile.
     *
     * @throws SeparataException (invalid input) listing every problem, each at its line
     */
    public static JournalProfiles read(byte[] content, String fileName) {
        InputText.check(content, fileName, false);
        DataFormat format = DataFormat.ofFileName(fileName).orElse(DataFormat.YAML);
        Node root = DataParser.parse(content, fileName, format);
        List<Diagnostic> errors = new ArrayList<>(Schema.CHECKER.check(root));
        if (!errors.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        List<JournalProfile> journals = new ArrayList<>();
        ((MapNode) root).entries().forEach((key, node) -> {
            if (!key.equals("$schema")) {
                journal(fileName, key, (MapNode) node, errors).ifPresent(journals::add);
            }
        });
        if (journals.isEmpty() && errors.isEmpty()) {
            errors.add(Diagnostic.error(root.location(), "the journal profile holds no journal",
                    "add the journal under its ISSN, e.g.\n    2409-3416:\n      title: Cuadernos Iberoamericanos"));
        }
        if (!errors.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        return new JournalProfiles(fileName, journals);
    }

    private static Optional<JournalProfile> journal(String file, String key, MapNode j, List<Diagnostic> errors) {
        ManifestReader binder = ManifestReader.binder();
        JournalParts parts = binder.journalParts(j);
        Optional<CitationStyle> citation = ManifestReader.map(j, "how-to-cite").map(c -> new CitationStyle(
                ManifestReader.string(c, "style").flatMap(CitationStyle.Style::byName)
                        .orElse(CitationStyle.Style.VANCOUVER),
                ManifestReader.string(c, "language")));
        Optional<org.separata.model.License> license = ManifestReader.map(j, "license").map(binder::license);
        errors.addAll(binder.errors());
        Issn issn;
        try {
            issn = new Issn(key);
        } catch (InvalidIdentifierException e) {
            errors.add(Diagnostic.error(j.location(), "the key " + e.getMessage(), e.hint()));
            return Optional.empty();
        }
        if (!parts.hasIssn()) {
            errors.add(Diagnostic.error(j.location(), "is " + key + " the journal's print or online ISSN?",
                    "add issn-print: " + key + " or issn-online: " + key + " (and the other ISSN, if there is one)"));
        } else if (!parts.hasIssn(issn)) {
            errors.add(Diagnostic.error(j.location(), "the key " + key + " is neither the journal's issn-print nor "
                    + "its issn-online", "key each journal by one of its own ISSNs"));
        }
        for (String field : List.of("logo", "layout")) {
            j.get(field).filter(n -> n instanceof Node.ScalarNode).map(Node.ScalarNode.class::cast)
                    .filter(n -> !World.isRelativeName(n.text().strip()) && (field.equals("logo")
                            || World.namesFolder(n.text().strip())))
                    .ifPresent(n -> errors.add(Diagnostic.error(n.location(), "'" + n.text().strip()
                                    + "' is not a path relative to the profile's folder",
                            "a journal profile names its " + field + " relative to its own folder ("
                                    + (field.equals("logo") ? "logo: logo.png" : "layout: ./mypack, or a built-in name "
                                    + "such as layout: modern") + "); files elsewhere on the machine are never read")));
        }
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        locations.put("", j.location());
        j.entries().forEach((field, n) -> locations.put(field, n.location()));
        return parts.complete().map(journal -> new JournalProfile(file, issn, journal,
                ManifestReader.string(j, "logo"), ManifestReader.string(j, "layout"), license, citation, locations));
    }
}
