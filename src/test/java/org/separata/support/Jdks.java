package org.separata.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JDKs on this machine, for tests and benchmarks that start Separata on another Java. */
public final class Jdks {

    private Jdks() {
    }

    /** A JDK 25 or later: SEPARATA_AOT_JDK, else the first in /usr/lib/jvm, as the build looks for one. */
    public static Optional<Path> jdk25() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("SEPARATA_AOT_JDK")).filter(s -> !s.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            Path release = home.resolve("release");
            if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=\"")) {
                        String v = line.substring("JAVA_VERSION=\"".length()).split("[^0-9]")[0];
                        if (!v.isEmpty() && Integer.parseInt(v) >= 25) {
                            return Optional.of(home);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

}
