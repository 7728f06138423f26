package org.separata.render;

import com.lowagie.text.Image;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.batik.util.ParsedURL;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.extend.Size;
import org.xhtmlrenderer.pdf.SvgImage;

/**
 * An SVG image of a layout pack, drawn by Batik into pixels as Flying Saucer's own
 * {@link SvgImage} does, but bounded: at most {@link #MAX_PIXELS_PER_INCH} pixels per inch and
 * {@link #MAX_RASTER_PIXELS} pixels whatever size the page gives it (the picture keeps its place
 * and size; it only gets fewer pixels), with external
 * resources and scripts refused by Batik's own security too, and a failure reported as invalid
 * input naming the file rather than as a crash. The image has passed the gate
 * ({@code layout.ImageKind}) before it gets here.
 */
final class BoundedSvgImage extends SvgImage {

    /** The most pixels an SVG image is drawn with (a full A4 page at about 300 dpi). */
    static final long MAX_RASTER_PIXELS = 9_000_000;

    /** The finest an SVG image is drawn: 600 pixels per inch of the page, a printer's resolution. */
    static final double MAX_PIXELS_PER_INCH = 600;
    /** Flying Saucer's dots per inch here (see {@link PdfRenderer}: 20 dots per pixel, 4/3 × 20 per point). */
    private static final double DOTS_PER_INCH = 72 * 20 * 4 / 3.0;

    private final String name;
    private Image drawn;

    BoundedSvgImage(byte[] svg, Size size, String name) {
        super(svg, size, name);
        this.name = name;
    }

    @Override
    public FSImage scale(int width, int height) {
        return new BoundedSvgImage(image, size.scale(width, height), name);
    }

    @Override
    public synchronized Image getImage() {
        if (drawn == null) {
            drawn = draw();
        }
        return drawn;
    }

    private Image draw() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double scale = Math.min(Math.min(1.0, MAX_PIXELS_PER_INCH / DOTS_PER_INCH),
                Math.sqrt(MAX_RASTER_PIXELS / (w * h)));
        PNGTranscoder transcoder = new LockedTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) Math.max(1, Math.floor(w * scale)));
        transcoder.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) Math.max(1, Math.floor(h * scale)));
        transcoder.addTranscodingHint(PNGTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_CONSTRAIN_SCRIPT_ORIGIN, Boolean.TRUE);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            transcoder.transcode(new TranscoderInput(new ByteArrayInputStream(image)), new TranscoderOutput(out));
            return Image.getInstance(out.toByteArray());
        } catch (Exception e) {
            throw new SeparataException(ExitCode.INVALID_INPUT, List.of(Diagnostic.error(SourceLocation.of(name),
                    "the SVG image cannot be drawn: " + firstLine(e),
                    "check the image in a drawing program and save it again, or convert it to PNG")), e);
        }
    }

    /** The most telling line of Batik's message: the innermost exception's, without its "null:-1" noise. */
    private static String firstLine(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10; i++) {
            Throwable inner = t instanceof org.apache.batik.transcoder.TranscoderException te && te.getException() != null
                    ? te.getException() : t.getCause();
            if (inner == null || inner == t) {
                break;
            }
            t = inner;
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        return m.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("null(:-?\\d+)?") && !l.equals("Enclosed Exception:"))
                .findFirst().orElse(t.getClass().getSimpleName());
    }

    /** Batik's PNG transcoder with a user agent that loads no external resource and runs no script. */
    private static final class LockedTranscoder extends PNGTranscoder {
        @Override
        protected UserAgent createUserAgent() {
            return new SVGAbstractTranscoderUserAgent() {
                @Override
                public ExternalResourceSecurity getExternalResourceSecurity(ParsedURL resource, ParsedURL document) {
                    return new NoLoadExternalResourceSecurity();
                }

                @Override
                public ScriptSecurity getScriptSecurity(String type, ParsedURL script, ParsedURL document) {
                    return new NoLoadScriptSecurity(type);
                }

                @Override
                public boolean isAllowExternalResources() {
                    return false;
                }
            };
        }
    }

    @Override
    @SuppressWarnings("MethodDoesntCallSuperMethod")
    public Object clone() {
        return this;
    }
}
