package org.separata.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.layout.ImageKind;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

/**
 * Flying Saucer's resource loader, locked down: relative names are served from the layout's
 * resources (the pack's files and the generated stylesheet), and everything else (http, file,
 * jar, classpath URLs) is refused without being opened. Refusals and missing images become warnings.
 */
final class SandboxUserAgent extends ITextUserAgent {

    static final String SCHEME = "separata-pack:";

    /** Flying Saucer's default stylesheet for XHTML, inside its own jar: the one URL it may open. */
    private static final String DEFAULT_CSS = "/resources/css/XhtmlNamespaceHandler.css";
    private static final java.net.URL DEFAULT_CSS_URL =
            org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler.class.getResource(DEFAULT_CSS);

    private Function<String, Optional<byte[]>> resources;
    /** Device dots per CSS pixel: an SVG image gets its size in dots, as a PNG of the same pixels. */
    private final int dotsPerPixel;
    private final List<Diagnostic> warnings = new ArrayList<>();

    SandboxUserAgent(ITextOutputDevice device, int dotsPerPixel, Function<String, Optional<byte[]>> resources) {
        super(device, dotsPerPixel);
        this.resources = resources;
        this.dotsPerPixel = dotsPerPixel;
    }

    /** Serves the files of the next document. */
    void use(Function<String, Optional<byte[]>> next) {
        this.resources = next;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    @Override
    public String resolveURI(String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.startsWith(SCHEME) || uri.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return uri;
        }
        return SCHEME + uri;
    }

    @Override
    protected InputStream resolveAndOpenStream(String uri) {
        String resolved = resolveURI(uri);
        if (resolved != null && resolved.startsWith(SCHEME)) {
            String name = resolved.substring(SCHEME.length());
            Optional<byte[]> bytes = resources.apply(name);
            if (bytes.isPresent()) {
                return new ByteArrayInputStream(bytes.get());
            }
            warnings.add(Diagnostic.warning(SourceLocation.of(name), "the layout refers to a file it does not have",
                    "add the file to the layout pack, or remove the reference"));
            return null;
        }
        if (DEFAULT_CSS_URL != null && DEFAULT_CSS_URL.toString().equals(resolved)) {
            return org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler.class.getResourceAsStream(DEFAULT_CSS);
        }
        warnings.add(Diagnostic.warning(SourceLocation.of(String.valueOf(uri)),
                "not loaded: Separata never reads URLs or files outside the layout pack",
                "put the resource in the layout pack and refer to it by a relative name"));
        return null;
    }

    /**
     * Decoded images, shared by all documents of the process: keyed by the identity of the bytes
     * the layout serves (built-in packs serve the same array every time), so the CC badge is
     * decoded once, not once per offprint.
     */
    private static final java.util.Map<byte[], org.xhtmlrenderer.pdf.ITextFSImage> DECODED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    @Override
    public org.xhtmlrenderer.resource.ImageResource getImageResource(String uri) {
        String resolved = resolveURI(uri);
        if (resolved != null && resolved.startsWith(SCHEME)) {
            String name = resolved.substring(SCHEME.length());
            Optional<byte[]> bytes = resources.apply(name);
            if (bytes.isPresent()) {
                Optional<ImageKind.Format> format = ImageKind.format(bytes.get());
                if (format.isEmpty()) {
                    throw SeparataException.invalid(SourceLocation.of(name), "'" + name + "' is not an image the layout "
                            + "can show", "an <img> of a layout must be a PNG, JPEG, GIF or SVG image");
                }
                if (format.get() == ImageKind.Format.SVG) {
                    // Flying Saucer's own SVG support reads no units and draws at any size; this one is bounded
                    ImageKind.Header h = ImageKind.header(bytes.get()).orElseThrow();
                    return new org.xhtmlrenderer.resource.ImageResource(resolved, new BoundedSvgImage(
                            ImageKind.svgForRenderer(bytes.get()), new org.xhtmlrenderer.extend.Size(
                            (int) Math.min(Integer.MAX_VALUE / 64, h.width() * dotsPerPixel),
                            (int) Math.min(Integer.MAX_VALUE / 64, h.height() * dotsPerPixel)), name));
                }
                org.xhtmlrenderer.pdf.ITextFSImage proto = DECODED.get(bytes.get());
                if (proto == null) {
                    org.xhtmlrenderer.resource.ImageResource fresh = super.getImageResource(uri);
                    if (fresh.getImage() instanceof org.xhtmlrenderer.pdf.ITextFSImage decoded) {
                        DECODED.put(bytes.get(), (org.xhtmlrenderer.pdf.ITextFSImage) decoded.clone());
                    }
                    return fresh;
                }
                return new org.xhtmlrenderer.resource.ImageResource(resolved,
                        (org.xhtmlrenderer.extend.FSImage) proto.clone());
            }
        }
        return super.getImageResource(uri);
    }

    @Override
    protected InputStream openStream(String uri) throws IOException {
        throw new IOException("network and file access are disabled: " + uri);
    }

    @Override
    protected URLConnection openConnection(String uri) throws IOException {
        throw new IOException("network and file access are disabled: " + uri);
    }
}
