package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.batch.Shard;
import org.separata.support.Repo;

/**
 * The Kubernetes examples in {@code docs/kubernetes/} do what the README says: the Indexed Job's
 * pods, given JOB_COMPLETION_INDEX 0 … N-1 by Kubernetes, run shards 1/N … N/N, one each, with N
 * equal to the Job's completions (the shell line is run here with each index, and a stand-in
 * {@code separata} that prints its arguments); every command line in them is one separata accepts.
 */
class ScalingExamplesTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String file) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readerFor(Map.class).readValues(Repo.file("docs/kubernetes/" + file).toFile())
                .forEachRemaining(d -> out.add((Map<String, Object>) d));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            n = p.matches("\\d+") ? ((List<Object>) n).get(Integer.parseInt(p)) : ((Map<String, Object>) n).get(p);
        }
        return (T) n;
    }

    @Test
    void theIndexedJobRunsEveryShardOnce() throws Exception {
        Map<String, Object> job = documents("issue-shards.yaml").get(0);
        assertEquals("Indexed", at(job, "spec", "completionMode"));
        int n = at(job, "spec", "completions");
        List<String> command = at(job, "spec", "template", "spec", "containers", "0", "command");
        List<String> args = at(job, "spec", "template", "spec", "containers", "0", "args");
        assertEquals(List.of("sh", "-c"), command);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("separata");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        TreeSet<Integer> shards = new TreeSet<>();
        for (int index = 0; index < n; index++) {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", args.get(0)).redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("JOB_COMPLETION_INDEX", String.valueOf(index));
            Process p = pb.start();
            List<String> argv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.waitFor(), argv.toString());
            Shard s = Shard.parse(argv.get(argv.indexOf("--shard") + 1));
            assertEquals(n, s.n(), "--shard K/N with N = completions: " + argv);
            assertEquals(index + 1, s.k());
            shards.add(s.k());
            assertEquals(List.of("issue", "/data/issue.yaml", "--root", "/data", "-o", "/out"), argv.subList(0, 6));
        }
        assertEquals(n, shards.size(), "every shard once");
        Map<String, Object> merge = documents("merge-reports.yaml").get(0);
        assertEquals(List.of("issue", "--merge-reports", "/out"), at(merge, "spec", "template", "spec", "containers", "0",
                "args"));
    }

    @Test
    void theServeDeploymentDrainsWithinItsGracePeriodAndIsReadyOnHealth() throws Exception {
        List<Map<String, Object>> docs = documents("serve.yaml");
        Map<String, Object> deployment = docs.get(0);
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        List<String> args = at(pod, "containers", "0", "args");
        int grace = Integer.parseInt(args.get(args.indexOf("--grace") + 1));
        assertTrue(grace < (Integer) at(pod, "terminationGracePeriodSeconds"), "requests finish before the pod is killed");
        assertEquals("/health", at(pod, "containers", "0", "readinessProbe", "httpGet", "path"));
        assertEquals("0.0.0.0", args.get(args.indexOf("--bind") + 1));
        assertEquals("Service", at(docs.get(1), "kind"));
        // separata accepts every option: with more jobs than this machine's cores, it stops at that
        // check, which comes after picocli has read them all
        List<String> tooMany = new ArrayList<>(args);
        tooMany.set(tooMany.indexOf("--jobs") + 1, String.valueOf(Runtime.getRuntime().availableProcessors() + 1));
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(tooMany.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("cores of this machine"), err.toString());
    }
}
