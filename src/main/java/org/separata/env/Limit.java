package org.separata.env;

import java.util.Locale;

/**
 * A bound on what one input may ask of Separata, so that memory and time grow with the input only
 * up to a known size. Each has a name, by which {@code SEPARATA_LIMITS} raises it
 * ({@code SEPARATA_LIMITS=references=20000,image-megapixels=120}), and a default that real
 * articles stay far below. See {@link Limits}.
 */
public enum Limit {
    /** Bytes of an article file (manifest or JATS), in MiB. */
    INPUT_MB("input-mb", 32, "MiB"),
    /** Bytes of a YAML or JSON file (article manifest, journal profile, issue manifest), in MiB. */
    MANIFEST_MB("manifest-mb", 4, "MiB"),
    /** Bytes of an image file (logo, cover, figure, a layout pack's image), in MiB. */
    IMAGE_MB("image-mb", 32, "MiB"),
    /** Pixels of an image once decoded, in millions (checked from its header, before decoding). */
    IMAGE_MEGAPIXELS("image-megapixels", 50, "megapixels"),
    /** Characters in one paragraph. */
    PARAGRAPH_CHARS("paragraph-chars", 100_000, "characters"),
    /** Characters of text in one article, all fields together. */
    ARTICLE_CHARS("article-chars", 3_000_000, "characters"),
    /** References of one article. */
    REFERENCES("references", 5_000, "references"),
    /** Authors and other contributors of one article. */
    AUTHORS("authors", 5_000, "authors"),
    /** Pages one article may take once laid out. */
    PAGES("pages", 2_000, "pages"),
    /** Articles in one issue. */
    ISSUE_ARTICLES("issue-articles", 2_000, "articles"),
    /** Bytes of any one file of a layout pack or a font folder, in MiB. */
    RESOURCE_MB("resource-mb", 64, "MiB"),
    /** Bytes of one request's body sent to {@code separata serve} (a manifest, a JATS file or a zip bundle), in MiB. */
    REQUEST_MB("request-mb", 64, "MiB"),
    /** Files and folders in one zip bundle. */
    BUNDLE_FILES("bundle-files", 1_000, "files"),
    /** Bytes of one zip bundle once unpacked, all files together, in MiB. */
    BUNDLE_MB("bundle-mb", 256, "MiB"),
    /** How many times larger a zip bundle may grow when unpacked (past its first MiB). */
    BUNDLE_RATIO("bundle-ratio", 100, "times");

    private final String key;
    private final long defaultValue;
    private final String unit;

    Limit(String key, long defaultValue, String unit) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.unit = unit;
    }

    /** The name used in {@code SEPARATA_LIMITS} and in messages. */
    public String key() {
        return key;
    }

    public long defaultValue() {
        return defaultValue;
    }

    /** "MiB", "references", … */
    public String unit() {
        return unit;
    }

    /** The limit named {@code key}, if there is one. */
    public static java.util.Optional<Limit> byKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Limit l : values()) {
            if (l.key.equals(k)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The hint every "over the limit" error ends with: how to raise it, with a value that would do
     * ({@code needed}, rounded up generously).
     */
    public String raiseHint(long needed) {
        long suggestion = Math.max(needed, 1);
        long magnitude = 1;
        while (magnitude <= suggestion / 10) {
            magnitude *= 10;
        }
        suggestion = (suggestion / magnitude + 1) * magnitude;
        return "if the input is right, raise the limit: SEPARATA_LIMITS=" + key + "=" + suggestion
                + " (see README.md, \"Limits\")";
    }
}
