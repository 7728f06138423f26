package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceLocation;
import org.separata.model.Article;

/**
 * Lays an article's journal over a journal profile: the article's own values win, the profile
 * fills the gaps, and a field both give differently (an ISSN, say) is a warning naming both
 * places. The licence is a default: the profile's is used only when the article has none.
 */
public final class JournalMerge {

    private JournalMerge() {
    }

    /**
     * For readers that build a complete article (JATS): the article with its journal checked and
     * completed against the profile that matches it, and the profile's licence if it has none.
     */
    public static ReadResult apply(ReadResult read, Optional<JournalProfiles> profiles) {
        if (profiles.isEmpty()) {
            return read;
        }
        Article a = read.article();
        JournalParts own = JournalParts.of(a.journal());
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>(read.warnings());
        Optional<JournalProfile> profile = profiles.get().select(own, read.sources().locate("journal"), errors);
        if (!errors.isEmpty()) {
            throw org.separata.diag.SeparataException.invalid(errors);
        }
        JournalParts merged = merge(own, f -> read.sources().locate("journal." + f), profile.orElseThrow(), warnings);
        Article.Builder b = a.toBuilder();
        b.journal = merged.complete().orElse(a.journal());
        b.license = a.license().or(() -> profile.get().license());
        return new ReadResult(b.build(), warnings, read.sources(), profile);
    }

    /** The journal fields of {@code own} with the profile's filling the gaps; conflicts go to {@code warnings}. */
    static JournalParts merge(JournalParts own, Function<String, SourceLocation> ownLocation, JournalProfile profile,
                              List<Diagnostic> warnings) {
        JournalParts theirs = JournalParts.of(profile.journal());
        Picker p = new Picker(ownLocation, profile, warnings);
        return new JournalParts(p.pick("title", own.title(), theirs.title()),
                p.pick("abbrev-title", own.abbreviation(), theirs.abbreviation()),
                p.pick("publisher", own.publisher(), theirs.publisher()),
                p.pick("issn-print", own.printIssn(), theirs.printIssn()),
                p.pick("issn-online", own.onlineIssn(), theirs.onlineIssn()),
                p.pick("url", own.url(), theirs.url()));
    }

    private record Picker(Function<String, SourceLocation> ownLocation, JournalProfile profile,
                          List<Diagnostic> warnings) {

        <T> Optional<T> pick(String field, Optional<T> own, Optional<T> theirs) {
            if (own.isPresent() && theirs.isPresent() && !same(own.get(), theirs.get())) {
                SourceLocation there = profile.location(field);
                warnings.add(Diagnostic.warning(ownLocation.apply(field).withPath("journal." + field),
                        "the article gives '" + own.get() + "', the journal profile '" + theirs.get() + "' ("
                                + there.position() + "); the article's value is used",
                        "correct the one that is wrong; the profile is shared by every article of the journal"));
            }
            return own.or(() -> theirs);
        }

        private static boolean same(Object a, Object b) {
            return normal(a).equals(normal(b));
        }

        private static String normal(Object o) {
            return o.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }
}
