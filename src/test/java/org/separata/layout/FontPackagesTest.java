package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The preflight's suggestion of a font package for a character no font has. */
class FontPackagesTest {

    @Test
    void namesTheNotoFamilyOfTheCharactersScript() {
        assertTrue(FontPackages.suggestion(0x4E2D).contains("fonts-noto-cjk"));
        assertTrue(FontPackages.suggestion(0x13000).contains("Noto Sans Egyptian hieroglyphs"),
                FontPackages.suggestion(0x13000));
        assertTrue(FontPackages.suggestion(0x2A00).contains("Noto Sans Math"));
    }

    /** What was seen: a private-use character was sent to install "Noto Sans Unknown". */
    @Test
    void privateUseAndUnassignedCodePointsNameNoFamily() {
        for (int cp : new int[] {0xE000, 0xFFFF0, 0x0378}) {
            String s = FontPackages.suggestion(cp);
            assertFalse(s.contains("Unknown"), s);
            assertFalse(s.contains("fonts-noto"), s);
        }
        assertTrue(FontPackages.suggestion(0xE000).contains("private-use"));
        assertTrue(FontPackages.suggestion(0x0378).contains("not assigned"));
    }
}
