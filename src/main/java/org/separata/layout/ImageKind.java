package org.separata.layout;

import java.util.Optional;

/**
 * Recognises the image formats a layout may show (PNG, JPEG, GIF) by their first bytes, so that a
 * logo that is not an image fails when the pack or profile is loaded, not halfway through a render.
 */
final class ImageKind {

    private ImageKind() {
    }

    /** "png", "jpeg" or "gif", or empty when the bytes are none of these. */
    static Optional<String> of(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("png");
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("jpeg");
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("gif");
        }
        return Optional.empty();
    }

    /** Whether the bytes are a TIFF file (little- or big-endian), as figure images often are. */
    static boolean isTiff(byte[] b) {
        return b.length > 8 && (b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0
                || b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42);
    }
}
