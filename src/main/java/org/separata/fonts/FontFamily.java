package org.separata.fonts;

import java.util.List;

/**
 * A font family from {@code fonts/<id>/}: its CSS name, its licence file and its faces (regular,
 * italic, bold, bold italic), as its {@code family.yaml} lists them.
 */
public record FontFamily(String id, String name, String licenseFile, List<FontFace> faces) {
    public FontFamily {
        faces = List.copyOf(faces);
    }

    /** The upright regular face, or the first face. */
    public FontFace regular() {
        return faces.stream().filter(f -> f.weight() == 400 && !f.italic()).findFirst().orElse(faces.get(0));
    }
}
