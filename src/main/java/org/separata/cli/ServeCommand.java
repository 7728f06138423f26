package org.separata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.pipeline.Separata;
import org.separata.serve.RenderServer;
import org.separata.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code separata serve}: a resident renderer over HTTP (see {@link RenderServer} and the README). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Renders and validates articles sent over HTTP: POST /render (the PDF), POST /validate "
                + "(the diagnostics as JSON), GET /health. Fonts, layouts and templates are loaded once.",
                "Runs until stopped (SIGTERM or Ctrl-C), letting the requests under way finish. One JSON line "
                        + "per request is written to standard output."})
final class ServeCommand implements Callable<Integer> {

    private final Separata separata;

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
                    + "interface, as in a container behind a load balancer)")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "the port (default: ${DEFAULT-VALUE}; 0: any free port, printed at start)")
    int port;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = OptionValues.Jobs.class,
            description = "requests rendered at once, at most the number of cores (default: the number of cores)")
    Integer jobs;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "-1",
            description = "requests that may wait for a render; past that a request is answered 503 at once "
                    + "(default: 4 per job)")
    int queue;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "the time one request may take, waiting included; then it is answered 503 (default: "
                    + "${DEFAULT-VALUE})")
    int timeout;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30",
            description = "on SIGTERM, how long the requests under way may take to finish (default: ${DEFAULT-VALUE})")
    int grace;

    ServeCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        int j = jobs == null ? cores : jobs;
        if (j > cores) {
            throw SeparataException.usage(SourceLocation.of("--jobs"), j + " renders at once is more than the " + cores
                    + " cores of this machine", "give --jobs " + cores + " or fewer; more only makes each request slower");
        }
        if (port < 0 || port > 65535) {
            throw SeparataException.usage(SourceLocation.of("--port"), port + " is not a port", "give 1 to 65535, or 0");
        }
        if (queue < -1 || timeout < 1 || grace < 0) {
            throw SeparataException.usage(SourceLocation.of("serve"), "--queue, --timeout and --grace must not be negative"
                    + " (and --timeout at least 1)", "give whole numbers of requests and seconds");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw SeparataException.usage(SourceLocation.of("--bind"), "'" + bind + "' is not an address of this machine",
                    "give an IP address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        ServeSettings settings = new ServeSettings(address, port, j, queue < 0 ? 4 * j : queue,
                Duration.ofSeconds(timeout), Duration.ofSeconds(grace));
        PrintWriter out = spec.commandLine().getOut();
        RenderServer server;
        try {
            server = RenderServer.start(separata, settings, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        } catch (IOException e) {
            throw SeparataException.usage(SourceLocation.of("--port"), "cannot listen on " + bind + ":" + port + ": "
                    + e.getMessage(), "choose another --port, or stop what listens there");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            synchronized (out) {
                out.println("separata serve: stopped");
                out.flush();
            }
            stopped.countDown();
        }, "separata-serve-stop"));
        synchronized (out) {
            out.printf("separata serve: listening on %s (%d at once, %d waiting, %d s a request)%n", server.url(),
                    settings.jobs(), settings.queue(), timeout);
            out.flush();
        }
        stopped.await();
        return ExitCode.OK.code();
    }
}
