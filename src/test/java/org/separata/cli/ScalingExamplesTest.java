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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.batch.Shard;
import org.separata.support.Repo;

/**
 * The Kubernetes examples in {@code docs/kubernetes/} do what the README says: the Indexed Job's
 * pods, given JOB_COMPLETION_INDEX 0 … N-1 by Kubernetes, run shards 1/N … N/N, one each, with N
 * equal to the Job's completions (the shell line is run here with each index, and a stand-in
 * {@code separata} that prints its arguments); every command line in them is one separata accepts.
 * The README's Slurm job array and CI matrix do the same for their task numbers.
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
        TreeSet<Integer> shards = new TreeSet<>();
        for (int index = 0; index < n; index++) {
            List<String> argv = separataArgs(args.get(0), Map.of("JOB_COMPLETION_INDEX", String.valueOf(index)));
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

    /** Runs a shell script with a stand-in {@code separata} on the PATH; the arguments it was given, one a line. */
    private List<String> separataArgs(String script, Map<String, String> env) throws Exception {
        Path bin = dir.resolve("bin");
        Path fake = bin.resolve("separata");
        if (!Files.exists(fake)) {
            Files.createDirectories(bin);
            Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> argv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), argv.toString());
        return argv;
    }

    /** The README's fenced block of {@code lang} that contains {@code text}. */
    private static String readmeBlock(String lang, String text) throws Exception {
        Matcher m = Pattern.compile("```" + lang + "\n(.*?)```", Pattern.DOTALL).matcher(
                Files.readString(Repo.file("README.md")).replaceAll("(?m)^  ", ""));
        while (m.find()) {
            if (m.group(1).contains(text)) {
                return m.group(1);
            }
        }
        throw new AssertionError("the README has no " + lang + " block with " + text);
    }

    @Test
    void theSlurmArrayRunsEveryShardOnceThenTheMerge() throws Exception {
        String script = readmeBlock("sh", "#SBATCH --array=");
        Matcher array = Pattern.compile("--array=(\\d+)-(\\d+)").matcher(script);
        assertTrue(array.find(), script);
        int from = Integer.parseInt(array.group(1));
        int to = Integer.parseInt(array.group(2));
        TreeSet<Integer> shards = new TreeSet<>();
        for (int task = from; task <= to; task++) {
            List<String> argv = separataArgs(script, Map.of("SLURM_ARRAY_TASK_ID", String.valueOf(task)));
            Shard s = Shard.parse(argv.get(argv.indexOf("--shard") + 1));
            assertEquals(to - from + 1, s.n(), "N is the array's size: " + argv);
            assertEquals(task, s.k());
            shards.add(s.k());
            assertEquals(List.of("issue", "issue.yaml", "-o", "/shared/out"), argv.subList(0, 4));
        }
        assertEquals(1, shards.first());
        assertEquals(to - from + 1, shards.size(), "every shard once");
        Matcher wrap = Pattern.compile("--dependency=afterok:<[^>]+> --wrap '([^']+)'").matcher(Files.readString(
                Repo.file("README.md")));
        assertTrue(wrap.find(), "the merge waits for the array");
        assertEquals(List.of("issue", "--merge-reports", "/shared/out"), separataArgs(wrap.group(1), Map.of()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCiMatrixRunsEveryShardOnceThenTheMerge() throws Exception {
        Map<String, Object> jobs = new ObjectMapper(new YAMLFactory()).readValue(readmeBlock("yaml", "matrix:"), Map.class);
        List<Object> ks = at(jobs, "shards", "strategy", "matrix", "k");
        String run = at(jobs, "shards", "steps", "0", "run");
        TreeSet<Integer> shards = new TreeSet<>();
        for (Object k : ks) {
            List<String> argv = separataArgs(run.replace("${{ matrix.k }}", k.toString()), Map.of());
            Shard s = Shard.parse(argv.get(argv.indexOf("--shard") + 1));
            assertEquals(ks.size(), s.n(), "N is the matrix's size: " + argv);
            shards.add(s.k());
            assertEquals(List.of("issue", "issue.yaml", "-o", "out"), argv.subList(0, 4));
        }
        assertEquals(ks.size(), shards.size(), "every shard once");
        assertEquals(1, shards.first());
        assertEquals("shards", at(jobs, "merge", "needs"));
        List<Object> steps = at(jobs, "merge", "steps");
        assertEquals(List.of("issue", "--merge-reports", "out"), separataArgs(at(steps.get(steps.size() - 1), "run"),
                Map.of()));
        assertEquals("out", at(steps.get(0), "with", "path"), "the shards' folders are downloaded into one");
        assertEquals("out", at(jobs, "shards", "steps", "1", "with", "path"), "each shard uploads its folder");
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
