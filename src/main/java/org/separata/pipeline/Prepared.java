package org.separata.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.fonts.FontFamily;
import org.separata.layout.FigureImages;
import org.separata.layout.Presentation;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.RichText;
import org.separata.read.ReadResult;

/**
 * An article after the first step, {@link Separata#prepare}: read, completed from its journal
 * profile, set in the layout decided for it, its translations kept or left out, and checked
 * against the layout's fonts. Placing it at other pages ({@link Separata#at}) or in an issue gives
 * a new one. Immutable; what it holds from below {@code pipeline} stays inside the package.
 */
public final class Prepared {

    final String file;
    final ReadResult read;
    final Article article;
    final XhtmlLayout layout;
    final LayoutChoice layoutChoice;
    final Presentation presentation;
    final FigureImages images;
    final List<FontFamily> fallbacks;
    final RenderOptions options;
    /** The warnings that do not depend on where the article is placed: the reader's, the checks'. */
    private final List<Diagnostic> base;
    /** The placement's warnings: an issue that disagrees with the article file. */
    private final List<Diagnostic> placement;
    private final List<Path> inputs;
    private final String digest;
    private final boolean provisional;

    Prepared(String file, ReadResult read, Article article, XhtmlLayout layout, LayoutChoice layoutChoice,
             Presentation presentation, FigureImages images, List<FontFamily> fallbacks, RenderOptions options,
             List<Diagnostic> base, List<Diagnostic> placement, List<Path> inputs, String digest,
             boolean provisional) {
        this.file = file;
        this.read = read;
        this.article = article;
        this.layout = layout;
        this.layoutChoice = layoutChoice;
        this.presentation = presentation;
        this.images = images;
        this.fallbacks = List.copyOf(fallbacks);
        this.options = options;
        this.base = List.copyOf(base);
        this.placement = List.copyOf(placement);
        this.inputs = List.copyOf(inputs);
        this.digest = digest;
        this.provisional = provisional;
    }

    /** The article as it will be printed (its pages, issue and translations as placed). */
    public Article article() {
        return article;
    }

    /** The input's name, for messages. */
    public String file() {
        return file;
    }

    /** Every warning so far: the reader's, the profile's, the checks', the placement's and the pages'. */
    public List<Diagnostic> warnings() {
        List<Diagnostic> all = new ArrayList<>(base);
        placement.stream().filter(d -> !all.contains(d)).forEach(all::add);
        pageWarning().filter(d -> !all.contains(d)).ifPresent(all::add);
        return List.copyOf(all);
    }

    /** The files this article was made from: the input, its journal profile and the profile's logo. */
    public List<Path> inputs() {
        return inputs;
    }

    /** A digest of the bytes read (the input and its journal profile), to tell whether two runs read the same. */
    public String digest() {
        return digest;
    }

    /** The layout it is set in, and what decided it. */
    public LayoutChoice layout() {
        return layoutChoice;
    }

    /** Whether its page numbers are provisional (they come from an incomplete issue). */
    public boolean provisional() {
        return provisional;
    }

    /** The same article, its page numbers marked provisional (or not) in the PDF it makes. */
    public Prepared provisional(boolean value) {
        return new Prepared(file, read, article, layout, layoutChoice, presentation, images, fallbacks, options, base, placement, inputs,
                digest, value);
    }

    /** The how-to-cite line: the article's own, or one made in the journal's or the layout's style. */
    RichText citation() {
        return layout.howToCite(article, presentation);
    }

    /** The article placed elsewhere (other pages, another issue), with the placement's warnings. */
    Prepared placed(Article at, List<Diagnostic> warnings) {
        return new Prepared(file, read, at, layout, layoutChoice, presentation, images, fallbacks, options, base, warnings, inputs,
                digest, provisional);
    }

    /** A layout that starts articles on a right-hand page, and an article placed on a left-hand one. */
    private Optional<Diagnostic> pageWarning() {
        if (layout.pack().rectoStart() && article.firstPageNumber() % 2 == 0) {
            return Optional.of(Diagnostic.warning(read.sources().locate("article.pages"),
                    "the layout '" + layout.pack().name() + "' starts articles on a right-hand page, but this one "
                            + "starts on page " + article.firstPageNumber() + ", a left-hand page",
                    "check the page range, or use a layout without recto-start"));
        }
        return Optional.empty();
    }
}
