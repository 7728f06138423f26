package org.separata.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.separata.env.World;
import org.separata.fonts.CoverageFile;
import org.separata.layout.Hyphenation;

/**
 * Build-time steps that take work off every run; Maven runs them (see pom.xml), and they are not
 * part of the jar.
 *
 * <ul>
 *   <li>{@code resources CLASSES}, after the resources are copied: compiles the hyphenation
 *       patterns of {@code CLASSES/hyphenation} into tries ({@link Hyphenation#compiledName}) and
 *       writes each font's coverage beside it ({@link CoverageFile}), for every font file under
 *       {@code CLASSES/fonts} (whatever its family folder) and {@code CLASSES/layouts} (a pack's
 *       own fonts);</li>
 *   <li>{@code store-fonts JAR}, after the jar is built: rewrites the jar with the fonts, their
 *       coverage files and the compiled tries stored rather than deflated ({@link #stored}), so
 *       that a run reads them without inflating. Every other entry, and the order and times of
 *       all, stay as they were.</li>
 * </ul>
 */
public final class Precompute {

    /** The folders (in the classes folder and the jar) that hold fonts: the built-in families and packs. */
    private static final List<String> FONT_FOLDERS = List.of("fonts", "layouts");

    private Precompute() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("resources")) {
            resources(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("store-fonts")) {
            storeFonts(Path.of(args[1]));
        } else {
            throw new IllegalArgumentException("usage: Precompute resources CLASSES | store-fonts JAR");
        }
    }

    /** Writes the compiled tries and the fonts' coverage files into the classes folder. */
    static void resources(Path classes) throws IOException {
        // the classes folder is on the classpath here, so the built-in patterns are read from it
        Hyphenation hyphenation = new Hyphenation(World.system());
        for (List<String> files : hyphenation.patternFiles()) {
            writeIfChanged(classes.resolve("hyphenation").resolve(Hyphenation.compiledName(files)),
                    hyphenation.compile(files));
        }
        for (String folder : FONT_FOLDERS) {
            Path fonts = classes.resolve(folder);
            if (!Files.isDirectory(fonts)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(fonts)) {
                for (Path font : s.filter(Files::isRegularFile)
                        .filter(p -> CoverageFile.isFont(p.getFileName().toString())).sorted().toList()) {
                    writeIfChanged(font.resolveSibling(font.getFileName() + CoverageFile.SUFFIX),
                            CoverageFile.of(Files.readAllBytes(font)));
                }
            }
        }
    }

    /**
     * Whether a jar entry is kept uncompressed: everything in {@code fonts/} and
     * {@code hyphenation/} (fonts, coverage files, tries), and the fonts of the built-in packs.
     */
    static boolean stored(String name) {
        return !name.endsWith("/") && (name.startsWith("fonts/") || name.startsWith("hyphenation/")
                || name.startsWith("layouts/") && (CoverageFile.isFont(name) || name.endsWith(CoverageFile.SUFFIX)));
    }

    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
    }

    /** Rewrites {@code jar} with the entries that {@link #stored} names stored, not deflated. */
    static void storeFonts(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                byte[] data = in.getInputStream(e).readAllBytes();
                ZipEntry copy = new ZipEntry(e);
                if (stored(e.getName())) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                } else {
                    copy.setMethod(ZipEntry.DEFLATED);
                    copy.setCompressedSize(-1);
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
