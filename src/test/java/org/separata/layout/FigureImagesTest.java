package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.separata.env.Limits;
import org.separata.support.TestImages;

/** Figure images: names tried, resolution read, print size, lossless conversion of TIFF. */
class FigureImagesTest {

    @Test
    void aNameWithoutExtensionTriesTheUsualOnes() {
        assertEquals(List.of("f1", "f1.tif", "f1.tiff", "f1.png", "f1.jpg", "f1.jpeg"), FigureImages.candidates("f1"));
        assertEquals(List.of("f1.tif", "f1.tiff", "f1.png", "f1.jpg", "f1.jpeg"), FigureImages.candidates("f1.tif"));
        assertEquals(List.of("img/f1.gif", "img/f1.tif", "img/f1.tiff", "img/f1.png", "img/f1.jpg", "img/f1.jpeg"),
                FigureImages.candidates("img/f1.gif"));
    }

    @Test
    void anImageIsPrintedAtItsOwnResolutionWithinTheTextBlock() throws IOException {
        BufferedImage img = TestImages.chart(600, 300, 2, true);
        FigureImages.Placed p = FigureImages.place("a.png", TestImages.encode(img, "png", 300), 0, 160, 200, Limits.DEFAULT);
        assertEquals(600 / 300.0 * 25.4, p.widthMm(), 0.01);
        assertEquals(300, p.dpi(), 0.5);
        FigureImages.Placed wide = FigureImages.place("b.png", TestImages.encode(img, "png", 72), 0, 160, 200, Limits.DEFAULT);
        assertEquals(160, wide.widthMm(), 0.01, "reduced to the text block");
        assertEquals(600 / (160 / 25.4), wide.dpi(), 0.5);
        FigureImages.Placed none = FigureImages.place("c.png", TestImages.encode(img, "png", 0), 0, 160, 200, Limits.DEFAULT);
        assertEquals(160, none.widthMm(), 0.01, "no resolution: the width of the text block");
    }

    @Test
    void tiffBecomesALosslessPngAndJpegStaysAsItIs() throws IOException {
        BufferedImage img = TestImages.chart(300, 200, 3, true);
        FigureImages.Placed tif = FigureImages.place("a.tif", TestImages.encode(img, "tiff", 300), 0, 160, 200, Limits.DEFAULT);
        assertTrue(tif.resource().endsWith(".png"));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(tif.bytes()));
        for (int y = 0; y < 200; y += 7) {
            for (int x = 0; x < 300; x += 7) {
                assertEquals(img.getRGB(x, y), back.getRGB(x, y));
            }
        }
        byte[] jpg = TestImages.encode(img, "jpeg", 300);
        FigureImages.Placed j = FigureImages.place("a.jpg", jpg, 1, 160, 200, Limits.DEFAULT);
        assertArrayEquals(jpg, j.bytes());
        assertEquals(3, ImageKind.jpegComponents(jpg));
    }

    @Test
    void whatIsNotAnImageIsRefusedWithAReason() {
        IOException e = assertThrows(IOException.class, () -> FigureImages.place("x.png", "<svg/>".getBytes(), 0, 160, 200, Limits.DEFAULT));
        // the image gate's reason: the format is told by the content, not by the name
        assertTrue(e.getMessage().contains("'x.png' is an SVG image; here only PNG, JPEG, GIF or TIFF images are taken"),
                e.getMessage());
        IOException text = assertThrows(IOException.class, () -> FigureImages.place("y.png", "hello".getBytes(), 0, 160,
                200, Limits.DEFAULT));
        assertTrue(text.getMessage().contains("'y.png' is not an image Separata can use: it is a text file"),
                text.getMessage());
    }

    @Test
    void anImageOverThePixelLimitIsNotDecoded() throws IOException {
        byte[] png = TestImages.encode(TestImages.chart(1500, 1000, 2, false), "png", 300);
        IOException e = assertThrows(IOException.class, () -> FigureImages.place("big.png", png, 0, 160, 200,
                Limits.DEFAULT.with(org.separata.env.Limit.IMAGE_MEGAPIXELS, 1)));
        assertTrue(e.getMessage().contains("'big.png' is 1500 × 1000 pixels (1.5 megapixels), more than the limit of 1 "
                + "megapixels (image-megapixels)"), e.getMessage());
        assertTrue(e.getMessage().contains("SEPARATA_LIMITS=image-megapixels="), "says how to raise it: " + e.getMessage());
        assertEquals(1500 / 300.0 * 25.4, FigureImages.place("big.png", png, 0, 160, 200, Limits.DEFAULT).widthMm(), 0.01,
                "under the default limit it is placed");
    }
}
