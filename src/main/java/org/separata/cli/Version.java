package org.separata.cli;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import picocli.CommandLine;

/**
 * {@code separata --version}: the version from the build ({@code separata/version.properties},
 * filled in by Maven), the Java that runs it, and the versions of the libraries that shape the
 * output, as their own jars on the class path say (their Maven {@code pom.properties}). Reading
 * them loads none of their classes.
 */
final class Version implements CommandLine.IVersionProvider {

    /** The libraries whose versions decide how a PDF comes out: name, Maven group and artifact. */
    private static final String[][] LIBRARIES = {
        {"Flying Saucer", "org.xhtmlrenderer", "flying-saucer-core"},
        {"OpenPDF", "com.github.librepdf", "openpdf"},
        {"PDFBox", "org.apache.pdfbox", "pdfbox"},
    };

    private final World world;

    Version(World world) {
        this.world = world;
    }

    @Override
    public String[] getVersion() {
        StringBuilder libs = new StringBuilder();
        for (String[] lib : LIBRARIES) {
            if (!libs.isEmpty()) {
                libs.append(", ");
            }
            libs.append(lib[0]).append(' ').append(property(ResourceRoot.classpath("META-INF/maven/" + lib[1] + "/"
                    + lib[2]), "pom.properties", "version").orElse("(unknown)"));
        }
        return new String[] {
            "separata " + separata(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")",
            libs.toString()};
    }

    /** Separata's own version, as the build wrote it. */
    String separata() {
        return property(ResourceRoot.classpath("separata"), "version.properties", "version")
                .filter(v -> !v.startsWith("${")).orElse("(unknown: not built by Maven)");
    }

    private Optional<String> property(ResourceRoot root, String file, String key) {
        return world.resource(root, file).flatMap(bytes -> {
            Properties p = new Properties();
            try {
                p.load(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.ofNullable(p.getProperty(key)).map(String::strip);
        });
    }
}
