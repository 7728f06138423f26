package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.LauncherProbe;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The launcher {@code src/main/sh/separata} (the build copies it to {@code target/separata}),
 * started beside a stand-in jar ({@link LauncherProbe}): through symbolic links, absolute and
 * relative, it finds its jar and archives; it passes the arguments on unchanged; it uses the
 * AppCDS archive below Java 25 and the AOT cache from Java 25 on, and a damaged archive does not
 * stop it.
 */
@Slow
class LauncherTest {

    @TempDir
    Path dir;
    Path bin;

    @BeforeEach
    void install() throws Exception {
        bin = Files.createDirectories(dir.resolve("install/bin"));
        Path launcher = bin.resolve("separata");
        Files.copy(Repo.file("src/main/sh/separata"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String cls = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream f = Files.newOutputStream(bin.resolve("separata.jar"));
             JarOutputStream jar = new JarOutputStream(f, m);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(cls)) {
            jar.putNextEntry(new JarEntry(cls));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }

    @Test
    void worksThroughSymbolicLinksAndPassesTheArgumentsOn() throws Exception {
        Path abs = Files.createSymbolicLink(dir.resolve("separata"), bin.resolve("separata"));
        Path sub = Files.createDirectories(dir.resolve("elsewhere/deeper"));
        Path rel = Files.createSymbolicLink(sub.resolve("sep"), Path.of("../../separata"));
        for (Path start : List.of(bin.resolve("separata"), abs, rel)) {
            List<String> out = run(start, Map.of(), "render", "a file.yaml", "-o", "out dir/x.pdf", "");
            assertEquals(List.of("render", "a file.yaml", "-o", "out dir/x.pdf", ""), values(out, "arg:"), start.toString());
            assertEquals(List.of(bin.resolve("separata.jar").toRealPath().toString()), values(out, "jar:"), start.toString());
        }
    }

    @Test
    void usesTheAppCdsArchiveBelowJava25AndTheQuickCompilerForOneShotCommands() throws Exception {
        Path java17 = Path.of(System.getProperty("java.home"));
        assumeTrue(Runtime.version().feature() < 25, "the tests run on Java 25 or later");
        List<String> none = values(run(bin.resolve("separata"), Map.of("JAVA_HOME", java17.toString()), "layouts"), "vm:");
        assertFalse(none.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")), none.toString());
        Files.writeString(bin.resolve("separata.jsa"), "not an archive");
        Files.writeString(bin.resolve("separata.aot"), "not a cache");
        List<String> vm = values(run(bin.resolve("separata"), Map.of("JAVA_HOME", java17.toString()), "render"), "vm:");
        assertTrue(vm.contains("-XX:SharedArchiveFile=" + bin.toRealPath().resolve("separata.jsa")), vm.toString());
        assertFalse(vm.stream().anyMatch(o -> o.startsWith("-XX:AOTCache")), vm.toString());
        assertTrue(vm.contains("-XX:TieredStopAtLevel=1"), vm.toString());
        List<String> issue = values(run(bin.resolve("separata"), Map.of("JAVA_HOME", java17.toString()), "issue"), "vm:");
        assertFalse(issue.contains("-XX:TieredStopAtLevel=1"), "an issue keeps the optimizing compiler: " + issue);
        List<String> serve = values(run(bin.resolve("separata"), Map.of("JAVA_HOME", java17.toString(),
                "SEPARATA_JAVA_OPTS", "-Xmx300m -Dx=1"), "serve"), "vm:");
        assertFalse(serve.contains("-XX:TieredStopAtLevel=1"), "a server keeps the optimizing compiler: " + serve);
        assertTrue(serve.containsAll(List.of("-Xmx300m", "-Dx=1")), "SEPARATA_JAVA_OPTS is passed on: " + serve);
    }

    @Test
    void usesTheAotCacheOnJava25() throws Exception {
        Optional<Path> jdk25 = org.separata.support.Jdks.jdk25();
        assumeTrue(jdk25.isPresent(), "no JDK 25 on this machine");
        Files.writeString(bin.resolve("separata.jsa"), "not an archive");
        Files.writeString(bin.resolve("separata.aot"), "not a cache");
        List<String> out = run(bin.resolve("separata"), Map.of("JAVA_HOME", jdk25.get().toString()), "render");
        List<String> vm = values(out, "vm:");
        assertTrue(vm.contains("-XX:AOTCache=" + bin.toRealPath().resolve("separata.aot")), vm.toString());
        assertFalse(vm.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")), vm.toString());
        assertEquals(List.of(jdk25.get().toRealPath().toString()), values(out, "java:"));
    }

    private static List<String> values(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private List<String> run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
