package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.Limits;
import org.separata.layout.ImageKind.Format;
import org.separata.support.Images;
import org.separata.support.Repo;

/**
 * The image gate: the format from the bytes (never the name), the size from the header, the pixel
 * limit before anything is decoded, and SVG images refused when they refer outside themselves.
 * The images here are built byte by byte, so each carries exactly the header it claims.
 */
class ImageKindTest {

    private static final SourceLocation WHERE = SourceLocation.of("journal.yaml");

    /** A JPEG header up to its SOF0 marker, declaring {@code w} × {@code h}. */
    static byte[] jpeg(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(new byte[] {(byte) 0xff, (byte) 0xd8});
        b.put(new byte[] {(byte) 0xff, (byte) 0xe0}).putShort((short) 16).put("JFIF\0".getBytes(StandardCharsets.US_ASCII))
                .put(new byte[9]);
        b.put(new byte[] {(byte) 0xff, (byte) 0xc0}).putShort((short) 11).put((byte) 8).putShort((short) h)
                .putShort((short) w).put((byte) 1).put(new byte[3]);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A GIF whose screen is small and whose one frame is large (a decoder allocates the frame). */
    static byte[] gif(int screenW, int screenH, int frameW, int frameH) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) screenW).putShort((short) screenH)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        b.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) frameW).putShort((short) frameH)
                .put((byte) 0);
        b.put((byte) 2).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0x3b);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A TIFF with one image directory giving {@code w} × {@code h} (LONG values), in either byte order. */
    static byte[] tiff(long w, long h, boolean little) {
        ByteBuffer b = ByteBuffer.allocate(64).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(little ? (byte) 'I' : (byte) 'M').put(little ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 256).putShort((short) 4).putInt(1).putInt((int) w);
        b.putShort((short) 257).putShort((short) 4).putInt(1).putInt((int) h);
        b.putInt(0);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static String refused(byte[] bytes, Set<Format> allowed) {
        SeparataException e = assertThrows(SeparataException.class,
                () -> ImageKind.check(bytes, "logo.png", WHERE, allowed, Limits.DEFAULT));
        String m = e.diagnostics().get(0).format();
        assertTrue(m.startsWith("journal.yaml: error: 'logo.png"), "names the place and the file: " + m);
        return m;
    }

    private static byte[] svg(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void formatsAreToldByTheirBytesAndSizesReadFromTheirHeaders() throws IOException {
        // the real PNGs of the repository: the sizes the JDK's own decoder reads
        for (String file : java.util.List.of("examples/carvalho-2023/logo.png", "layouts/lib/cc-by.png")) {
            byte[] bytes = Files.readAllBytes(Repo.file(file));
            java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            assertEquals(new ImageKind.Header(Format.PNG, decoded.getWidth(), decoded.getHeight()),
                    ImageKind.check(bytes, file, WHERE, ImageKind.LOGO, Limits.DEFAULT), file);
        }
        assertEquals(new ImageKind.Header(Format.JPEG, 640, 480), ImageKind.header(jpeg(640, 480)).orElseThrow());
        assertEquals(new ImageKind.Header(Format.GIF, 300, 200), ImageKind.header(gif(300, 200, 10, 10)).orElseThrow());
        assertEquals(new ImageKind.Header(Format.TIFF, 2000, 1500), ImageKind.header(tiff(2000, 1500, true)).orElseThrow());
        assertEquals(new ImageKind.Header(Format.TIFF, 2000, 1500), ImageKind.header(tiff(2000, 1500, false)).orElseThrow());
        assertEquals(Optional.of(Format.SVG), ImageKind.format(svg(
                "\ufeff<?xml version=\"1.0\"?>\n<!-- drawn -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
        assertEquals(Optional.empty(), ImageKind.format("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theNameDoesNotDecideTheFormat() {
        String m = refused(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"), ImageKind.LOGO);
        assertTrue(m.contains("is an SVG image; here only PNG, JPEG or GIF images are taken"), m);
        assertTrue(refused("hello\n".getBytes(StandardCharsets.US_ASCII), ImageKind.LOGO).contains("it is a text file"));
        assertTrue(refused("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), ImageKind.LOGO).contains("a PDF file"));
        assertTrue(refused(new byte[0], ImageKind.LOGO).contains("the file is empty"));
        assertTrue(refused(tiff(10, 10, true), ImageKind.LOGO).contains("is a TIFF image"));
    }

    @Test
    void thePixelLimitIsCheckedBeforeDecoding() throws IOException {
        // 16000 × 16000 pixels in a file of 50 kB: decoded, a gigabyte
        byte[] big = Images.png(16000, 16000);
        assertTrue(big.length < 100_000, "the test image itself stays small: " + big.length);
        String m = refused(big, ImageKind.LOGO);
        assertTrue(m.contains("is 16000 × 16000 pixels (256.0 megapixels), more than the limit of 50 megapixels "
                + "(image-megapixels)"), m);
        assertTrue(m.contains("SEPARATA_LIMITS=image-megapixels="), m);
        assertEquals(256_000_000L, ImageKind.check(big, "logo.png", WHERE, ImageKind.LOGO,
                Limits.DEFAULT.with(Limit.IMAGE_MEGAPIXELS, 300)).pixels(), "a raised limit lets it through");
        assertTrue(refused(jpeg(60000, 60000), ImageKind.LOGO).contains("megapixels"));
        assertTrue(refused(tiff(100_000, 100_000, false), ImageKind.RASTER).contains("megapixels"));
        // a GIF with a small screen and a huge frame is as large as its frame
        assertTrue(refused(gif(10, 10, 60000, 60000), ImageKind.LOGO).contains("60000 × 60000"));
    }

    @Test
    void aDamagedHeaderIsNamed() {
        byte[] cut = java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 12);
        assertTrue(refused(cut, ImageKind.LOGO).contains("is a damaged PNG image"));
        assertTrue(refused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9}, ImageKind.LOGO)
                .contains("damaged JPEG"));
    }

    @Test
    void svgSizesAreReadInEveryUnitAndBounded() {
        ImageKind.Header mm = ImageKind.check(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"25.4mm\" "
                + "height=\"1in\"/>"), "a.svg", WHERE, ImageKind.LAYOUT, Limits.DEFAULT);
        assertEquals(96, mm.width());
        assertEquals(96, mm.height());
        ImageKind.Header box = ImageKind.check(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 300\"/>"),
                "a.svg", WHERE, ImageKind.LAYOUT, Limits.DEFAULT);
        assertEquals(400, box.width());
        assertEquals(300, box.height());
        // 123 bytes that would be drawn as 900 megapixels
        String m = refused(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30000\" height=\"30000\">"
                + "<rect width=\"30000\" height=\"30000\"/></svg>"), ImageKind.LAYOUT);
        assertTrue(m.contains("30000 × 30000 pixels (900.0 megapixels)"), m);
        assertTrue(refused(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1e9\" height=\"1\"/>"), ImageKind.LAYOUT)
                .contains("each side may have at most"));
    }

    @Test
    void anSvgMayReferToNothingOutsideItself() throws IOException {
        String head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "width=\"100\" height=\"100\">";
        assertTrue(refused(svg(head + "<image xlink:href=\"file:///etc/passwd\" width=\"5\" height=\"5\"/></svg>"),
                ImageKind.LAYOUT).contains("<image> refers to 'file:///etc/passwd', outside the image"));
        assertTrue(refused(svg(head + "<use href=\"other.svg#a\"/></svg>"), ImageKind.LAYOUT).contains("'other.svg#a'"));
        assertTrue(refused(svg(head + "<style>@import url(x.css);</style></svg>"), ImageKind.LAYOUT)
                .contains("imports another one (@import)"));
        assertTrue(refused(svg(head + "<style>rect { fill: url(http://127.0.0.1/p.svg#g) }</style></svg>"),
                ImageKind.LAYOUT).contains("its style refers to 'http://127.0.0.1/p.svg#g'"));
        assertTrue(refused(svg(head + "<rect style=\"fill:url('/etc/x#g')\"/></svg>"), ImageKind.LAYOUT)
                .contains("'/etc/x#g'"));
        assertTrue(refused(svg(head + "<script>alert(1)</script></svg>"), ImageKind.LAYOUT).contains("<script>"));
        assertTrue(refused(svg("<?xml-stylesheet href=\"x.css\"?>" + head + "</svg>"), ImageKind.LAYOUT)
                .contains("asks for a stylesheet"));
        assertTrue(refused(svg("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + head + "&x;</svg>"),
                ImageKind.LAYOUT).contains("'logo.png' (an SVG image)"));
        assertTrue(refused(svg("<svg width=\"10\" height=\"10\"/>"), ImageKind.LAYOUT).contains("root element"));
        // references to its own parts, links and the W3C's DOCTYPE are fine
        ImageKind.check(svg("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" + head
                + "<defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"9\" height=\"9\"/>"
                + "<use xlink:href=\"#g\"/><a href=\"https://example.org/\"><rect width=\"1\" height=\"1\"/></a></svg>"),
                "ok.svg", WHERE, ImageKind.LAYOUT, Limits.DEFAULT);
        // an embedded picture goes through the gate itself
        String small = Base64.getEncoder().encodeToString(Images.png(10, 10));
        ImageKind.check(svg(head + "<image href=\"data:image/png;base64," + small + "\" width=\"9\" height=\"9\"/></svg>"),
                "ok.svg", WHERE, ImageKind.LAYOUT, Limits.DEFAULT);
        String bomb = Base64.getEncoder().encodeToString(Images.png(16000, 16000));
        assertTrue(refused(svg(head + "<image href=\"data:image/png;base64," + bomb + "\"/></svg>"), ImageKind.LAYOUT)
                .contains("an embedded image"));
        String nested = Base64.getEncoder().encodeToString(svg(head + "</svg>"));
        assertTrue(refused(svg(head + "<image href=\"data:image/svg+xml;base64," + nested + "\"/></svg>"),
                ImageKind.LAYOUT).contains("is an SVG image"));
    }

    @Test
    void theRendererGetsTheSvgWithoutItsDoctype() {
        byte[] in = svg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        String out = new String(ImageKind.svgForRenderer(in), StandardCharsets.UTF_8);
        assertTrue(!out.contains("DOCTYPE") && out.contains("<svg"), out);
    }
}
