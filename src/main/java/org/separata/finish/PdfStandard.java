package org.separata.finish;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PDF/A claims a finished PDF can make, as rows of one table that {@link PdfFinisher} applies:
 * each row says which PDF version the file declares and, for PDF/A, the part and conformance
 * level written to the XMP identification ({@code pdfaid:part}, {@code pdfaid:conformance}) and
 * whether an output intent is required. Every row gets the same repairs, metadata, outline and
 * page labels; only the claim differs. Level A (accessible) needs the structure tree, so it is
 * claimed only by a tagged PDF; a tagged PDF also claims PDF/UA-1, whatever its row.
 */
public enum PdfStandard {

    /** A plain PDF 1.7: no PDF/A claim and no output intent. */
    NONE("none", "PDF 1.7", 0, "", "1.7", false),
    /** ISO 19005-2, level A (accessible: tagged, Unicode text, languages): the default when tagged. */
    PDF_A_2A("2a", "PDF/A-2a", 2, "A", "1.7", true),
    /** ISO 19005-2, level B (visual appearance): the default without tags. */
    PDF_A_2B("2b", "PDF/A-2b", 2, "B", "1.7", true),
    /** ISO 19005-3, level A: as PDF/A-2a, and would allow embedded source files. */
    PDF_A_3A("3a", "PDF/A-3a", 3, "A", "1.7", true),
    /** ISO 19005-3, level B: as PDF/A-2b, and would allow embedded source files. */
    PDF_A_3B("3b", "PDF/A-3b", 3, "B", "1.7", true);

    /** The default for {@code separata render}: PDF/A-2a, with tags. */
    public static final PdfStandard DEFAULT = PDF_A_2A;

    /** The default for a render with tags ({@code 2a}) or without ({@code 2b}). */
    public static PdfStandard defaultFor(boolean tagged) {
        return tagged ? PDF_A_2A : PDF_A_2B;
    }

    private final String id;
    private final String displayName;
    private final int part;
    private final String conformance;
    private final String pdfVersion;
    private final boolean outputIntent;

    PdfStandard(String id, String displayName, int part, String conformance, String pdfVersion,
                boolean outputIntent) {
        this.id = id;
        this.displayName = displayName;
        this.part = part;
        this.conformance = conformance;
        this.pdfVersion = pdfVersion;
        this.outputIntent = outputIntent;
    }

    /** The name on the command line: {@code none}, {@code 2a}, {@code 2b}, {@code 3a}, {@code 3b}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isPdfA() {
        return part > 0;
    }

    /** The PDF/A part (2, 3), written to {@code pdfaid:part}; 0 when the row claims no PDF/A. */
    public int part() {
        return part;
    }

    /** The PDF/A conformance level ("A", "B"), written to {@code pdfaid:conformance}. */
    public String conformance() {
        return conformance;
    }

    /** Whether the claim needs a structure tree (level A). */
    public boolean requiresTags() {
        return conformance.equals("A");
    }

    /** The same part at level B, for a PDF without tags (this row if it is not level A). */
    public PdfStandard untagged() {
        return switch (this) {
            case PDF_A_2A -> PDF_A_2B;
            case PDF_A_3A -> PDF_A_3B;
            default -> this;
        };
    }

    /** What a PDF of this row claims: "PDF/A-2a, PDF/UA-1" when tagged, "PDF/A-2b" without tags. */
    public String claim(boolean tagged) {
        if (!tagged) {
            return displayName;
        }
        return isPdfA() ? displayName + ", PDF/UA-1" : "PDF/UA-1";
    }

    /** The version in the file header. */
    public String pdfVersion() {
        return pdfVersion;
    }

    /** Whether the file carries an sRGB output intent (PDF/A requires one for device colours). */
    public boolean outputIntent() {
        return outputIntent;
    }

    /** The row named {@code id} on the command line ("2b", "PDF/A-2b" and "pdfa-2b" all work). */
    public static Optional<PdfStandard> parse(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT).replaceFirst("^pdf/?a-?", "");
        return Arrays.stream(values()).filter(s -> s.id.equals(k)).findFirst();
    }

    /** "none, 2a, 2b, 3a, 3b", for help texts and error hints. */
    public static String ids() {
        return Arrays.stream(values()).map(PdfStandard::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
