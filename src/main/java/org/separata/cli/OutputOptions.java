package org.separata.cli;

import org.separata.finish.PdfStandard;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by the commands that write PDFs: the PDF/A level, tags and the glyph preflight. */
final class OutputOptions {

    @Option(names = "--allow-missing-glyphs",
            description = "render even if the fonts lack some characters (they are left out, with a warning)")
    boolean allowMissingGlyphs;

    @Option(names = "--pdfa", paramLabel = "LEVEL", converter = StandardConverter.class,
            description = "the archival standard the PDF claims: 2a (PDF/A-2a, the default), 2b (PDF/A-2b, the "
                    + "default with --no-tags), 3a, 3b or none; a tagged PDF also claims PDF/UA-1")
    PdfStandard standard;

    @Option(names = "--no-tags",
            description = "write an untagged PDF: no structure tree, no PDF/UA-1 claim (PDF/A-2b by default)")
    boolean noTags;

    /** Whether the PDF is tagged. */
    boolean tags() {
        return !noTags;
    }

    /**
     * The standard claimed: the one given, else PDF/A-2a with tags and PDF/A-2b without. A level A
     * standard with {@code --no-tags} is a usage error.
     */
    PdfStandard standard(CommandLine cl) {
        if (standard == null) {
            return PdfStandard.defaultFor(tags());
        }
        if (noTags && standard.requiresTags()) {
            throw new CommandLine.ParameterException(cl, "--pdfa " + standard.id() + " (" + standard.displayName()
                    + ") needs tags; drop --no-tags, or use --pdfa " + standard.untagged().id());
        }
        return standard;
    }

    /** Reads {@code --pdfa}: none, 2a, 2b, 3a, 3b (also PDF/A-2b and the like). */
    static final class StandardConverter implements ITypeConverter<PdfStandard> {
        @Override
        public PdfStandard convert(String value) {
            return PdfStandard.parse(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a PDF/A level; use one of " + PdfStandard.ids()));
        }
    }
}
