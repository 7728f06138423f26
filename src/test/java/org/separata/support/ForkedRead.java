package org.separata.support;

import java.io.FilePermission;
import java.net.SocketPermission;
import java.net.URLPermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.separata.diag.SeparataException;
import org.separata.read.InputReader;

/**
 * Reads inputs in a JVM of its own (started by a test with {@code -Xmx256m}) under a security
 * manager that allows everything but records every file read inside the watched folder and every
 * network connection. Prints one line per input ({@code READ}, {@code REFUSED}, {@code FAILED})
 * with the time it took, then {@code VIOLATION} lines; exits 0 only when there were none.
 *
 * <p>Arguments: the watched folder, then the input files (read before the manager is installed),
 * and optionally probes ({@code probe-read:PATH}, {@code probe-connect:PORT}) that trespass on purpose.
 */
public final class ForkedRead {

    private ForkedRead() {
    }

    public static void main(String[] args) throws Exception {
        Path watched = Path.of(args[0]).toAbsolutePath().normalize();
        List<Path> inputs = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("probe-")) {
                probes.add(args[i]);
                continue;
            }
            Path p = Path.of(args[i]);
            inputs.add(p);
            contents.add(Files.readAllBytes(p));
        }
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        install(new Watch(watched.toString(), violations));
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i).getFileName().toString();
            long start = System.nanoTime();
            String outcome;
            try {
                InputReader.read(contents.get(i), name);
                outcome = "READ";
            } catch (SeparataException e) {
                outcome = "REFUSED " + e.diagnostics().get(0).format().lines().findFirst().orElse("");
            } catch (Throwable t) {
                outcome = "FAILED " + t;
            }
            System.out.printf("%s %d ms %s%n", name, (System.nanoTime() - start) / 1_000_000, outcome);
        }
        for (String probe : probes) {
            probe(probe);
        }
        for (String v : violations) {
            System.out.println("VIOLATION " + v);
        }
        System.out.flush();
        System.exit(violations.isEmpty() ? 0 : 9);
    }

    /**
     * Deliberate trespasses that prove the watcher works: {@code probe-read:PATH} reads a file,
     * {@code probe-connect:PORT} connects to a local port.
     */
    private static void probe(String probe) {
        try {
            if (probe.startsWith("probe-read:")) {
                Files.readAllBytes(Path.of(probe.substring("probe-read:".length())));
            } else if (probe.startsWith("probe-connect:")) {
                new java.net.Socket("127.0.0.1", Integer.parseInt(probe.substring("probe-connect:".length()))).close();
            }
        } catch (java.io.IOException e) {
            // a refused connection is still an attempt, and the watcher has seen it
        }
    }

    @SuppressWarnings("removal")
    private static void install(SecurityManager sm) {
        System.setSecurityManager(sm);
    }

    /** Allows everything; records reads in the watched folder and any network access. */
    @SuppressWarnings("removal")
    private static final class Watch extends SecurityManager {
        private final String watched;
        private final List<String> violations;

        Watch(String watched, List<String> violations) {
            this.watched = watched;
            this.violations = violations;
        }

        @Override
        public void checkPermission(Permission p) {
            watch(p);
        }

        @Override
        public void checkPermission(Permission p, Object context) {
            watch(p);
        }

        private void watch(Permission p) {
            if (p instanceof FilePermission && p.getName().startsWith(watched)) {
                violations.add("file " + p.getActions() + " " + p.getName());
            } else if (p instanceof SocketPermission && p.getActions().contains("connect")) {
                violations.add("connect " + p.getName());
            } else if (p instanceof URLPermission) {
                violations.add("url " + p.getName());
            }
        }
    }
}
