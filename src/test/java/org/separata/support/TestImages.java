package org.separata.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images made in the tests: a line chart of a given size in pixels, written as PNG, JPEG or TIFF
 * with a declared resolution. {@code main} writes the example research article's figures.
 */
public final class TestImages {

    private TestImages() {
    }

    /** A chart of {@code curves} bell curves, {@code w} × {@code h} pixels, on white. */
    public static BufferedImage chart(int w, int h, int curves, boolean colour) {
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int left = w / 10;
        int bottom = h - h / 8;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1, w / 400f)));
        g.drawLine(left, h / 20, left, bottom);
        g.drawLine(left, bottom, w - w / 20, bottom);
        for (int k = 1; k <= curves; k++) {
            float hue = (float) k / (curves + 1);
            g.setColor(colour ? Color.getHSBColor(hue, 0.8f, 0.75f) : new Color(k * 200 / (curves + 1), k * 200
                    / (curves + 1), k * 200 / (curves + 1)));
            double spread = 0.05 + 0.03 * k;
            int px = -1;
            int py = -1;
            for (int x = left; x < w - w / 20; x += 2) {
                double u = (x - left) / (double) (w - left - w / 20);
                double v = Math.exp(-u * u / (2 * spread * spread)) / (k * 0.5 + 0.5);
                int y = (int) (bottom - v * (bottom - h / 20) * 0.95);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.dispose();
        return img;
    }

    /** The image as {@code format} ("png", "jpeg" or "tiff") declaring {@code dpi} (0: no resolution). */
    public static byte[] encode(BufferedImage img, String format, double dpi) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
            } else if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            if (dpi > 0 && format.equals("png")) {
                // the JDK's PNG writer gets the standard tree's pixel size wrong: set pHYs itself
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String ppm = String.valueOf(Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", ppm);
                phys.setAttribute("pixelsPerUnitYAxis", ppm);
                phys.setAttribute("unitSpecifier", "meter");
                root.appendChild(phys);
                meta.mergeTree("javax_imageio_png_1.0", root);
            } else if (dpi > 0 && format.equals("jpeg")) {
                // and so does its JPEG writer: set the JFIF density in dots per inch
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
                IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", String.valueOf(Math.round(dpi)));
                jfif.setAttribute("Ydensity", String.valueOf(Math.round(dpi)));
                meta.setFromTree("javax_imageio_jpeg_image_1.0", root);
            } else if (dpi > 0) {
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                IIOMetadataNode dim = new IIOMetadataNode("Dimension");
                for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                    IIOMetadataNode n = new IIOMetadataNode(axis);
                    n.setAttribute("value", String.format(Locale.ROOT, "%.6f", 25.4 / dpi));
                    dim.appendChild(n);
                }
                root.appendChild(dim);
                meta.mergeTree("javax_imageio_1.0", root);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the figures of examples/research-article: java -cp … org.separata.support.TestImages DIR */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/research-article");
        Files.write(dir.resolve("figure1.tif"), encode(chart(1500, 900, 8, true), "tiff", 300));
        Files.write(dir.resolve("figure2.jpg"), encode(chart(1200, 1200, 3, true), "jpeg", 400));
        Files.write(dir.resolve("figure3.png"), encode(chart(1400, 700, 1, false), "png", 350));
    }
}
