package org.separata.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Archival checks that any test can run on any PDF Separata makes: veraPDF's PDF/A validation
 * (its own parser, not PDFBox), and the independent command-line tools in {@link Tools}.
 *
 * <pre>
 *   Archival.assertPdfA2b(offprint.pdf());   // zero failed veraPDF rules
 *   Archival.assertArchival(offprint.pdf()); // the above, qpdf --check, fonts, XMP visible to poppler
 * </pre>
 */
public final class Archival {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Archival() {
    }

    /** One failed veraPDF rule: its clause and test number, how often it failed, and one message. */
    public record Failure(String rule, int count, String message) {
        @Override
        public String toString() {
            return rule + " ×" + count + ": " + message;
        }
    }

    /** Validates {@code pdf} against the given PDF/A flavour ("2b", "3b", …); returns the failed rules. */
    public static List<Failure> validate(byte[] pdf, String flavour) {
        PDFAFlavour f = PDFAFlavour.fromString(flavour);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), f);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(f, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Failure> failed = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED) {
                    continue;
                }
                String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                Failure prev = failed.get(rule);
                String message = a.getMessage() + (a.getErrorMessage() == null ? "" : " [" + a.getErrorMessage() + "]")
                        + " at " + a.getLocation().getContext();
                failed.put(rule, new Failure(rule, prev == null ? 1 : prev.count() + 1,
                        prev == null ? message : prev.message()));
            }
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.put("?", new Failure("?", 1, "not compliant, but no rule failed: " + result.getJobEndStatus()));
            }
            return new ArrayList<>(failed.values());
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF: " + e, e);
        }
    }

    /** Fails unless veraPDF finds {@code pdf} to be valid PDF/A-2b, with zero failed rules. */
    public static void assertPdfA2b(byte[] pdf) {
        assertPdfA(pdf, "2b");
    }

    /** Fails unless veraPDF finds {@code pdf} valid for {@code flavour} ("2b", "3b"). */
    public static void assertPdfA(byte[] pdf, String flavour) {
        List<Failure> failures = validate(pdf, flavour);
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder("not PDF/A-" + flavour + "; veraPDF's failed rules:");
            failures.forEach(f -> sb.append("\n  ").append(f));
            throw new AssertionError(sb.toString());
        }
    }

    /**
     * Everything an archive's intake would check on an offprint: PDF/A-2b with veraPDF, a clean
     * {@code qpdf --check}, every font embedded and subset (pdffonts), and an XMP packet that
     * poppler can read ({@code pdfinfo -meta}).
     */
    public static void assertArchival(byte[] pdf) {
        assertPdfA2b(pdf);
        Tools.assertQpdfClean(pdf);
        Tools.assertFontsEmbeddedAndSubset(pdf);
        Tools.assertXmpVisible(pdf);
    }
}
