package org.separata.layout;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceIndex;
import org.separata.diag.SourceLocation;
import org.separata.env.Limits;
import org.separata.model.Article;
import org.separata.model.Block;
import org.separata.model.Section;
import org.separata.model.Translation;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The images of an article's figures, found beside the article, checked and placed at print size.
 *
 * <ul>
 * <li>A figure names its file as JATS does ({@code xlink:href}), often without an extension: the
 * name as given is tried, then with {@code .tif}, {@code .tiff}, {@code .png}, {@code .jpg} and
 * {@code .jpeg}.</li>
 * <li>Every image passes the image gate ({@link ImageKind#check} with {@link ImageKind#RASTER}):
 * its format is told by its first bytes, and one whose header gives more pixels than the limit
 * {@code image-megapixels} is not decoded. TIFF, PNG, JPEG and GIF are read. JPEG is embedded as it is (its own compressed data, never
 * recompressed); PNG as it is; TIFF, GIF and CMYK JPEG are decoded and embedded as lossless PNG.</li>
 * <li>Print size: the image's own resolution (its dpi) gives its size, reduced to fit the text
 * block; an image without a resolution is set at the width of the text block. An image below
 * 300 dpi at the size it is printed gets a warning, as PubMed Central would give.</li>
 * <li>A figure whose image is not there, may not be read (outside the article's folder, not a
 * regular file, too large) or fails the gate keeps its placeholder, with a warning.</li>
 * </ul>
 */
public final class FigureImages {

    /** The resolution a printed image should have at least (PubMed Central asks 300 dpi for halftones). */
    static final double MIN_DPI = 300;
    /** Extensions tried after the name as given. */
    static final List<String> EXTENSIONS = List.of(".tif", ".tiff", ".png", ".jpg", ".jpeg");
    /** The resource names of figure images start with this. */
    static final String PREFIX = "figure-images/";

    /** An image ready to place: its resource name, bytes, and its size on the page in mm. */
    public record Placed(String resource, byte[] bytes, double widthMm, double heightMm, double dpi) {
    }

    public static final FigureImages NONE = new FigureImages(Map.of(), List.of());

    private final Map<String, Placed> byHref;
    private final List<Diagnostic> warnings;

    private FigureImages(Map<String, Placed> byHref, List<Diagnostic> warnings) {
        this.byHref = Map.copyOf(byHref);
        this.warnings = List.copyOf(warnings);
    }

    /** The placed image for a file name as the article gives it. */
    public Optional<Placed> get(String href) {
        return Optional.ofNullable(byHref.get(href));
    }

    /** Missing images, unreadable ones and low resolutions. */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The images' bytes by resource name, for the renderer. */
    Optional<byte[]> resource(String name) {
        for (Placed p : byHref.values()) {
            if (p.resource().equals(name)) {
                return Optional.of(p.bytes());
            }
        }
        return Optional.empty();
    }

    /**
     * Finds, checks and places every figure image of {@code article}.
     *
     * @param bundle reads a file beside the article by relative name (empty when absent); the
     *               second argument receives the reason a file that is there may not be read
     * @param limits the limits the image gate applies
     */
    public static FigureImages resolve(Article article, PageGeometry page, SourceIndex sources,
                                       BiFunction<String, java.util.function.Consumer<String>, Optional<byte[]>> bundle,
                                       Limits limits) {
        Map<String, Block.Figure> figures = new LinkedHashMap<>();
        article.body().forEach(s -> collect(s, figures));
        for (Translation t : article.translations()) {
            t.body().forEach(s -> collect(s, figures));
        }
        Map<String, Placed> placed = new LinkedHashMap<>();
        List<Diagnostic> warnings = new ArrayList<>();
        double textWidth = page.width() - page.inner() - page.outer();
        double textHeight = page.height() - page.top() - page.bottom();
        for (Map.Entry<String, Block.Figure> e : figures.entrySet()) {
            String href = e.getKey();
            Block.Figure fig = e.getValue();
            SourceLocation at = sources.locate("figures[" + href + "]");
            String what = fig.label().orElse(fig.kind().equals("graphic") ? "an image" : "a " + fig.kind());
            List<String> refusals = new ArrayList<>();
            Optional<String> found = Optional.empty();
            Optional<byte[]> bytes = Optional.empty();
            for (String name : candidates(href)) {
                bytes = bundle.apply(name, refusals::add);
                if (bytes.isPresent() || !refusals.isEmpty()) {
                    found = bytes.map(b -> name);
                    break;
                }
            }
            if (bytes.isEmpty()) {
                warnings.add(Diagnostic.warning(at, "the image of " + what + " ('" + href + "') is not beside the "
                        + "article; a placeholder with its caption is printed" + (refusals.isEmpty() ? ""
                        : " (" + String.join("; ", refusals) + ")"),
                        "put the image file (" + String.join(", ", candidates(href)) + ") in the article's folder"));
                continue;
            }
            try {
                Placed p = place(found.get(), bytes.get(), placed.size(), textWidth, textHeight * 0.8, limits);
                placed.put(href, p);
                if (p.dpi() < MIN_DPI - 0.5) {
                    warnings.add(Diagnostic.warning(at, String.format(Locale.ROOT,
                            "the image of %s ('%s') has %.0f dpi at the size it is printed (%.0f × %.0f mm)",
                            what, found.get(), p.dpi(), p.widthMm(), p.heightMm()),
                            "print needs 300 dpi or more: supply the image with more pixels"));
                }
            } catch (IOException | RuntimeException ex) {
                warnings.add(Diagnostic.warning(at, "the image of " + what + " ('" + found.get()
                        + "') cannot be used: " + ex.getMessage() + "; a placeholder with its caption is printed",
                        "supply it as TIFF, PNG or JPEG"));
            }
        }
        return new FigureImages(placed, warnings);
    }

    /** The file names tried for {@code href}, in order. */
    static List<String> candidates(String href) {
        List<String> out = new ArrayList<>();
        out.add(href);
        String stem = href.replaceFirst("(?i)\\.(tiff?|png|jpe?g|gif|bmp|svg|eps|pdf)$", "");
        for (String ext : EXTENSIONS) {
            String name = stem + ext;
            if (!out.contains(name) && !out.contains(name.toLowerCase(Locale.ROOT))) {
                out.add(name);
            }
        }
        return out;
    }

    private static void collect(Section s, Map<String, Block.Figure> out) {
        collect(s.blocks(), out);
        s.sections().forEach(sub -> collect(sub, out));
    }

    private static void collect(List<Block> blocks, Map<String, Block.Figure> out) {
        for (Block b : blocks) {
            if (b instanceof Block.Figure f) {
                f.files().forEach(h -> out.putIfAbsent(h, f));
            } else if (b instanceof Block.ListBlock l) {
                l.items().forEach(i -> collect(i, out));
            } else if (b instanceof Block.Quote q) {
                collect(q.blocks(), out);
            } else if (b instanceof Block.Boxed x) {
                collect(x.blocks(), out);
            }
        }
    }

    /**
     * Passes the image through the gate, reads its size and resolution, converts it where needed,
     * and sizes it for the page.
     *
     * @throws IOException with the reason, when the gate refuses it or it cannot be decoded
     */
    static Placed place(String name, byte[] bytes, int index, double maxWidthMm, double maxHeightMm, Limits limits)
            throws IOException {
        ImageKind.Format kind;
        try {
            kind = ImageKind.check(bytes, name, SourceLocation.of(name), ImageKind.RASTER, limits).format();
        } catch (SeparataException e) {
            Diagnostic d = e.diagnostics().get(0);
            throw new IOException(d.message() + d.hint().map(h -> " (" + h + ")").orElse(""), e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no reader for " + kind.display() + " images");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new IOException("its size is " + w + " × " + h + " pixels");
                }
                double dpi = dpi(reader.getImageMetadata(0));
                byte[] embedded = bytes;
                boolean jpeg = kind == ImageKind.Format.JPEG;
                String ext = jpeg ? "jpg" : "png";
                boolean cmyk = jpeg && ImageKind.jpegComponents(bytes) == 4;
                if (kind == ImageKind.Format.TIFF || kind == ImageKind.Format.GIF || cmyk) {
                    embedded = png(cmyk ? cmykToRgb(reader) : reader.read(0));
                    ext = "png";
                }
                double widthMm = dpi > 0 ? w / dpi * 25.4 : maxWidthMm;
                widthMm = Math.min(widthMm, maxWidthMm);
                double heightMm = widthMm * h / w;
                if (heightMm > maxHeightMm) {
                    heightMm = maxHeightMm;
                    widthMm = heightMm * w / h;
                }
                double printedDpi = w / (widthMm / 25.4);
                return new Placed(PREFIX + (index + 1) + "." + ext, embedded, widthMm, heightMm, printedDpi);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The horizontal resolution the image declares, in dots per inch; 0 when it declares none. */
    private static double dpi(IIOMetadata meta) {
        if (meta == null || !meta.isStandardMetadataFormatSupported()) {
            return 0;
        }
        Node root = meta.getAsTree("javax_imageio_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("Dimension")) {
                for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                    if (d.getNodeName().equals("HorizontalPixelSize")) {
                        NamedNodeMap a = d.getAttributes();
                        Node v = a == null ? null : a.getNamedItem("value");
                        if (v != null) {
                            double mmPerPixel = Double.parseDouble(v.getNodeValue());
                            double dpi = mmPerPixel > 0 ? 25.4 / mmPerPixel : 0;
                            // 1 dpi and the like are "no resolution" written as a number
                            return dpi >= 20 && dpi <= 10000 ? dpi : 0;
                        }
                    }
                }
            }
        }
        return 0;
    }

    /** A CMYK (Adobe, inverted) JPEG as RGB: the JDK reads its raster but will not convert it. */
    private static BufferedImage cmykToRgb(ImageReader reader) throws IOException {
        java.awt.image.Raster r = reader.readRaster(0, null);
        int w = r.getWidth();
        int h = r.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, px);
                // Adobe stores CMYK inverted: the samples are 255 - C, 255 - M, 255 - Y, 255 - K
                int k = px[3];
                int red = px[0] * k / 255;
                int green = px[1] * k / 255;
                int blue = px[2] * k / 255;
                out.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        BufferedImage img = image;
        int type = img.getType();
        boolean alpha = img.getColorModel().hasAlpha();
        boolean gray = img.getColorModel().getNumColorComponents() == 1;
        if (type == BufferedImage.TYPE_CUSTOM || img.getColorModel().getComponentSize(0) > 8) {
            BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB
                    : gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = copy.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            img = copy;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("it cannot be converted to PNG");
        }
        return out.toByteArray();
    }
}
