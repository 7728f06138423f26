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
 *   Archival.assertPdfA2b(offprint.pdf());     // zero failed veraPDF rules
 *   Archival.assertAccessible(offprint.pdf()); // zero failed rules of veraPDF's PDF/UA-1 and PDF/A-2a profiles
 *   Archival.assertArchival(offprint.pdf());   // what the file claims, qpdf --check, fonts, XMP visible to poppler
 * </pre>
 * veraPDF's PDF/UA-1 profile is the flavour {@code ua1} ({@code PDFAFlavour.PDFUA_1}, the
 * profile {@code PDFUA-1.xml} inside veraPDF's core jar), loaded like the PDF/A ones.
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

    /** Fails unless veraPDF's PDF/UA-1 profile finds zero failed rules. */
    public static void assertPdfUa1(byte[] pdf) {
        assertValid(pdf, "ua1", "PDF/UA-1");
    }

    /**
     * Fails unless both veraPDF profiles the tagged PDFs answer to, PDF/UA-1 and PDF/A-2a, report
     * zero failed rules.
     */
    public static void assertAccessible(byte[] pdf) {
        assertPdfUa1(pdf);
        assertPdfA(pdf, "2a");
    }

    private static void assertValid(byte[] pdf, String flavour, String name) {
        List<Failure> failures = validate(pdf, flavour);
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder("not " + name + "; veraPDF's failed rules:");
            failures.forEach(f -> sb.append("\n  ").append(f));
            throw new AssertionError(sb.toString());
        }
    }

    /**
     * The veraPDF flavours a PDF claims in its XMP: its PDF/A part and level ("2a", "3b"), and
     * "ua1" when it claims PDF/UA-1.
     */
    public static List<String> claims(byte[] pdf) {
        Xmp x;
        try (PdfInspector p = new PdfInspector(pdf)) {
            x = Xmp.parse(p.xmp());
        }
        List<String> out = new ArrayList<>();
        x.text(Xmp.PDFAID, "part").ifPresent(part -> out.add(part
                + x.text(Xmp.PDFAID, "conformance").orElse("").toLowerCase(java.util.Locale.ROOT)));
        x.text(Xmp.PDFUAID, "part").ifPresent(part -> out.add("ua" + part));
        return out;
    }

    /**
     * Everything an archive's intake would check on an offprint: every standard the file claims
     * (its PDF/A level, and PDF/UA-1 if claimed) with veraPDF, a clean {@code qpdf --check},
     * every font embedded and subset (pdffonts), and an XMP packet that poppler can read
     * ({@code pdfinfo -meta}).
     */
    public static void assertArchival(byte[] pdf) {
        List<String> claims = claims(pdf);
        if (claims.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
            throw new AssertionError("the PDF claims no PDF/A level: " + claims);
        }
        for (String c : claims) {
            assertValid(pdf, c, c.equals("ua1") ? "PDF/UA-1" : "PDF/A-" + c);
        }
        Tools.assertQpdfClean(pdf);
        Tools.assertFontsEmbeddedAndSubset(pdf);
        Tools.assertXmpVisible(pdf);
    }
}
