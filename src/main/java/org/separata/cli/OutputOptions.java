package org.separata.cli;

import org.separata.finish.PdfStandard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by the commands that write PDFs: the PDF/A level and the glyph preflight. */
final class OutputOptions {

    @Option(names = "--allow-missing-glyphs",
            description = "render even if the fonts lack some characters (they are left out, with a warning)")
    boolean allowMissingGlyphs;

    @Option(names = "--pdfa", paramLabel = "LEVEL", defaultValue = "2b", converter = StandardConverter.class,
            description = "the archival standard the PDF claims: 2b (PDF/A-2b, the default), 3b (PDF/A-3b) "
                    + "or none")
    PdfStandard standard;

    /** Reads {@code --pdfa}: none, 2b, 3b (also PDF/A-2b and the like). */
    static final class StandardConverter implements ITypeConverter<PdfStandard> {
        @Override
        public PdfStandard convert(String value) {
            return PdfStandard.parse(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a PDF/A level; use one of " + PdfStandard.ids()));
        }
    }
}
