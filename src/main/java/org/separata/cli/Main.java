package org.separata.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.JvmLimits;
import org.separata.diag.SourceLocation;
import org.separata.diag.UnsafeText;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.pipeline.Separata;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code separata} command line. Each subcommand is its own class and returns an exit code.
 * The subcommands are added in {@link #run}: when the first argument names one, only that one, so
 * that picocli reads the annotations of the command that runs and no others.
 */
@Command(name = "separata", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Typesets scholarly journal articles into print-ready PDF offprints.",
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage (or an output that names an input), 3 invalid "
                + "input, 4 some articles failed, 5 the output cannot be written, 130 interrupted."})
public final class Main {

    /** The subcommands by name, in the order {@code --help} lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    static {
        // No option takes a java.sql value: picocli need not load that module's classes and look
        // them up reflectively for every command it builds (a cold-start cost).
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java.sql.*");
        }
    }

    public static void main(String[] args) {
        // A background thread (the warm-up) that hits a JVM limit must not print a trace; the
        // command itself reports it, or does not need what the thread was doing.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (!JvmLimits.reached(e)) {
                System.err.println(UnsafeText.escape("separata: internal error in " + t.getName() + ": " + e));
            }
        });
        System.exit(start(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * What {@link #main} runs, without exiting: the warm-up for the command starts first, before
     * the command line is parsed ({@link StartUp}), then the command runs.
     */
    static int start(String[] args, PrintWriter out, PrintWriter err) {
        Separata separata = new Separata(World.system());
        StartUp.warmUp(separata, args);
        return run(args, out, err, separata);
    }

    /** Runs the command line with the given writers; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, World.system());
    }

    /** Runs the command line in the given world (a fixed clock, say); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, World world) {
        return run(args, out, err, new Separata(world));
    }

    private static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Separata separata) {
        // nothing from an input reaches the terminal as a control sequence
        PrintWriter out = new PrintWriter(new TerminalWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new TerminalWriter(rawErr), true);
        CommandLine cl = commandLine(args, out, err, separata);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The JVM's own limits, reached outside a batch's per-article handling: a short message
            // naming what was being worked on, never a trace. Its frames are gone, so there is room.
            Diagnostic d = JvmLimits.diagnostic(e, SourceLocation.of(subject(cl, args))).orElseThrow();
            err.println(d.format());
            return ExitCode.INTERNAL.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What the command was working on, for a message: its INPUT or ISSUE argument, as given. */
    private static String subject(CommandLine cl, String[] args) {
        try {
            CommandLine.ParseResult sub = cl.getParseResult().subcommand();
            if (sub != null && !sub.matchedPositionals().isEmpty()) {
                Object value = sub.matchedPositionals().get(0).getValue();
                return String.valueOf(value);
            }
        } catch (RuntimeException e) {
            // no parse result: fall back to the command's name
        }
        return args.length > 0 ? "separata " + args[0] : "separata";
    }

    private static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err, Separata separata) {
        CommandLine cl = new CommandLine(new Main(), new Factory(separata));
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null; // help names the others
        if (named == CommandLine.HelpCommand.class) {
            named = null;
        }
        for (Class<?> command : COMMANDS.values()) {
            if (named == null || command == named) {
                cl.addSubcommand(command);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SeparataException s) {
                s.diagnostics().forEach(d -> err.println(d.format()));
                err.flush();
                return s.exitCode().code();
            }
            err.println("separata: internal error: " + e);
            for (StackTraceElement el : e.getStackTrace()) {
                if (el.getClassName().startsWith("org.separata")) {
                    err.println("    at " + el);
                    break;
                }
            }
            err.println("    hint: this is a bug in Separata; please report it with the input file");
            err.flush();
            return ExitCode.INTERNAL.code();
        });
        return cl;
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("render", RenderCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("issue", IssueCommand.class);
        m.put("layouts", LayoutsCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Gives every subcommand the shared pipeline. */
    private record Factory(Separata separata) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == RenderCommand.class) {
                return cls.cast(new RenderCommand(separata));
            }
            if (cls == ValidateCommand.class) {
                return cls.cast(new ValidateCommand(separata));
            }
            if (cls == IssueCommand.class) {
                return cls.cast(new IssueCommand(separata));
            }
            if (cls == LayoutsCommand.class) {
                return cls.cast(new LayoutsCommand(separata));
            }
            if (cls == ServeCommand.class) {
                return cls.cast(new ServeCommand(separata));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"separata " + (v == null ? "dev" : v)};
        }
    }
}
