package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The install story: {@code sh src/main/sh/install.sh PREFIX} puts a {@code separata} command in
 * PREFIX/bin that runs the launcher the build made, with the arguments as given, and the manual
 * page and completion where {@code man} and bash look. The build is stood in for by a folder with a
 * launcher that echoes its arguments, so the test needs no packaged jar.
 */
@Slow
class InstallTest {

    @TempDir
    Path dir;

    private Forked.Outcome install(Path build, Path prefix) {
        return Forked.run(new ProcessBuilder("sh", Repo.file("src/main/sh/install.sh").toString(), prefix.toString()),
                Map.of("SEPARATA_BUILD", build.toString(), "PATH", "/usr/bin:/bin"), new byte[0]);
    }

    @Test
    void installPutsACommandThatRunsTheBuiltLauncherOnThePath() throws Exception {
        // a build folder whose path has a space and a quote in it
        Path build = Files.createDirectories(dir.resolve("the repo's target"));
        Path launcher = build.resolve("separata");
        Files.writeString(launcher, "#!/bin/sh\nfor a in \"$@\"; do echo \"arg:$a\"; done\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(build.resolve("separata.1"), ".TH SEPARATA 1\n");
        Files.writeString(build.resolve("separata.bash"), "complete -F _complete_separata separata\n");
        Path prefix = dir.resolve("home/.local");

        Forked.Outcome o = install(build, prefix);
        assertEquals(0, o.code(), o.errText());
        assertTrue(o.outText().contains("installed " + prefix.resolve("bin/separata")), o.outText());
        assertTrue(o.outText().contains("is not on your PATH"), "says how to put it there: " + o.outText());

        // found on the PATH by name, from any folder, passing arguments as given
        Forked.Outcome run = Forked.run(new ProcessBuilder("sh", "-c", "cd / && separata render 'a b.yaml' -o ''")
                        .directory(dir.toFile()),
                Map.of("PATH", prefix.resolve("bin") + ":/usr/bin:/bin"), new byte[0]);
        assertEquals(0, run.code(), run.errText());
        assertEquals("arg:render\narg:a b.yaml\narg:-o\narg:\n", run.outText());
        assertEquals(".TH SEPARATA 1\n", Files.readString(prefix.resolve("share/man/man1/separata.1")));
        assertTrue(Files.readString(prefix.resolve("share/bash-completion/completions/separata"))
                .contains("_complete_separata"));

        // run again (after a rebuild): replaced, not doubled
        assertEquals(0, install(build, prefix).code());
        try (var files = Files.list(prefix.resolve("bin"))) {
            assertEquals(1, files.count(), "one command, no leftovers");
        }
    }

    @Test
    void withoutABuildItSaysToBuildFirst() {
        Forked.Outcome o = install(dir.resolve("nothing"), dir.resolve("prefix"));
        assertEquals(2, o.code());
        assertTrue(o.errText().contains("build first: mvn -q -DskipTests package"), o.errText());
        assertFalse(Files.exists(dir.resolve("prefix/bin/separata")));
    }
}
