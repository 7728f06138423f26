package org.separata.finish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * What the renderer's output (OpenPDF, through Flying Saucer) needs before it can be an archival,
 * reproducible file:
 * <ul>
 * <li>OpenPDF writes a {@code /CIDSet} for each embedded CID font that lists only the glyphs used,
 *     while the subset it embeds holds more (composite glyphs pull in their parts): PDF/A-2 rule
 *     6.2.11.4.2 rejects an incomplete CIDSet, and allows none, so it is removed.</li>
 * <li>OpenPDF names each font subset with a random six-letter tag ({@code RLFHWS+NotoSerif}), new on
 *     every run. The tag is replaced by one derived from the embedded font program, so the same
 *     subset always gets the same name.</li>
 * <li>Annotations (links) must be printable and never hidden (PDF/A-2 6.3.2); the flags are set
 *     whatever the renderer wrote.</li>
 * <li>OpenPDF 2.0.5 formats the offsets of its cross-reference table in the default locale, so
 *     under a locale with other digits (th-TH-u-nu-thai) the table is garbage and PDFBox rebuilds it
 *     by scanning the file. The objects come out the same, but the trailer's keys in another order;
 *     {@link #sortTrailer} puts them in a fixed order, so the output does not depend on the locale.</li>
 * </ul>
 */
final class Repairs {

    private static final Pattern SUBSET_TAG = Pattern.compile("^[A-Z]{6}\\+(.+)$");
    private static final COSName[] FONT_FILES = {COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3};

    private Repairs() {
    }

    static void apply(PDDocument doc) throws IOException {
        fonts(doc);
        annotations(doc);
    }

    private static void fonts(PDDocument doc) throws IOException {
        Map<COSDictionary, String> tags = new IdentityHashMap<>();
        for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT)) {
            if (!(o.getObject() instanceof COSDictionary font)) {
                continue;
            }
            COSDictionary descendant = font;
            if (COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
                COSArray d = font.getCOSArray(COSName.DESCENDANT_FONTS);
                if (d == null || !(d.getObject(0) instanceof COSDictionary cid)) {
                    continue;
                }
                descendant = cid;
            }
            COSDictionary descriptor = descendant.getCOSDictionary(COSName.FONT_DESC);
            if (descriptor == null) {
                continue;
            }
            descriptor.removeItem(COSName.CID_SET);
            String tag = tags.get(descriptor);
            if (tag == null) {
                tag = subsetTag(descriptor);
                tags.put(descriptor, tag);
            }
            retag(font, COSName.BASE_FONT, tag);
            retag(descendant, COSName.BASE_FONT, tag);
            retag(descriptor, COSName.FONT_NAME, tag);
        }
    }

    /** Six capital letters from a hash of the embedded font program and the font's name. */
    private static String subsetTag(COSDictionary descriptor) throws IOException {
        MessageDigest sha = sha256();
        String name = descriptor.getNameAsString(COSName.FONT_NAME);
        if (name != null) {
            Matcher m = SUBSET_TAG.matcher(name);
            sha.update((m.matches() ? m.group(1) : name).getBytes(StandardCharsets.UTF_8));
        }
        for (COSName key : FONT_FILES) {
            if (descriptor.getDictionaryObject(key) instanceof COSStream program) {
                try (InputStream in = program.createRawInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
        }
        byte[] h = sha.digest();
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + (h[i] & 0xff) % 26));
        }
        return tag.toString();
    }

    private static void retag(COSDictionary dict, COSName key, String tag) {
        String name = dict.getNameAsString(key);
        if (name == null) {
            return;
        }
        Matcher m = SUBSET_TAG.matcher(name);
        if (m.matches()) {
            dict.setName(key, tag + "+" + m.group(1));
        }
    }

    private static void annotations(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                a.setPrinted(true);
                a.setHidden(false);
                a.setInvisible(false);
                a.setNoView(false);
            }
        }
    }

    /** Puts the trailer's entries in name order, whatever order the parser found them in. */
    static void sortTrailer(PDDocument doc) {
        COSDictionary trailer = doc.getDocument().getTrailer();
        Map<String, COSBase> sorted = new TreeMap<>();
        for (Map.Entry<COSName, COSBase> e : trailer.entrySet()) {
            sorted.put(e.getKey().getName(), e.getValue());
        }
        trailer.clear();
        sorted.forEach((k, v) -> trailer.setItem(COSName.getPDFName(k), v));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Hashes the raw bytes of a stream, or the string form of any other object. */
    static void hash(MessageDigest sha, COSBase base) throws IOException {
        if (base instanceof COSObject o) {
            base = o.getObject();
        }
        if (base instanceof COSStream s) {
            try (InputStream in = s.createRawInputStream()) {
                sha.update(in.readAllBytes());
            }
        }
    }
}
