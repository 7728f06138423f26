package org.separata.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.JvmLimits;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.UnsafeText;
import org.separata.env.World;
import org.separata.pipeline.Separata;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code separata} command line. Each subcommand is its own class and returns an exit code.
 * The subcommands are added in {@link #commandLine}: when the first argument names one, only that
 * one, so that picocli reads the annotations of the command that runs and no others.
 */
@Command(name = "separata", mixinStandardHelpOptions = true, versionProvider = Version.class,
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
        // Help is plain text: everything printed passes TerminalWriter, which would show picocli's
        // own escape sequences as text. The labels of diagnostics are coloured beneath it instead
        // (ColourWriter, through Terminal).
        if (System.getProperty("picocli.ansi") == null) {
            System.setProperty("picocli.ansi", "false");
        }
    }

    /**
     * Memory set aside at start and let go when the heap runs out, so that the message saying so
     * can be written (under load, a warm-up thread could hold what was left).
     */
    @SuppressWarnings("unused")
    private static volatile byte[] reserve = new byte[256 * 1024];

    /** The message for a heap run out before the command line was parsed, when no input can be named. */
    private static final String OUT_OF_MEMORY = JvmLimits.diagnostic(new OutOfMemoryError(),
            SourceLocation.of("separata")).orElseThrow().format();

    public static void main(String[] args) {
        // A background thread (the warm-up) that hits a JVM limit must not print a trace; the
        // command itself reports it, or does not need what the thread was doing.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (!JvmLimits.reached(e)) {
                System.err.println(UnsafeText.escape("separata: internal error in " + t.getName() + ": " + e));
            }
        });
        World world = World.system();
        Terminal terminal = Terminal.system(world);
        int code = start(args, terminal, new Separata(world));
        terminal.out.flush();
        terminal.err.flush();
        System.exit(code);
    }

    /**
     * What {@link #main} runs, without exiting: the warm-up for the command starts first, before
     * the command line is parsed ({@link StartUp}), then the command runs.
     */
    static int start(String[] args, Terminal terminal, Separata separata) {
        StartUp.warmUp(separata, args);
        return run(args, terminal, separata);
    }

    /** {@link #start} with the given writers (the build's training runs, {@link Training}). */
    static int start(String[] args, PrintWriter out, PrintWriter err) {
        World world = World.system();
        return start(args, Terminal.of(out, err, world), new Separata(world));
    }

    /** Runs the command line with the given writers; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, World.system());
    }

    /** Runs the command line in the given world (a fixed clock, say); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, World world) {
        return run(args, Terminal.of(out, err, world), world);
    }

    /** Runs the command line on {@code terminal}'s streams; returns the exit code. */
    static int run(String[] args, Terminal terminal, World world) {
        return run(args, terminal, new Separata(world));
    }

    private static int run(String[] args, Terminal terminal, Separata separata) {
        CommandLine cl = commandLine(args, terminal, separata);
        // the message for a heap run out is written once the command line is parsed, before the
        // command runs: when the heap is out, there may be no room left to format it
        String[] outOfMemory = {OUT_OF_MEMORY};
        cl.setExecutionStrategy(parsed -> {
            outOfMemory[0] = JvmLimits.diagnostic(new OutOfMemoryError(), SourceLocation.of(subject(cl, args)))
                    .orElseThrow().format();
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The JVM's own limits, reached outside a batch's per-article handling: a short message
            // naming what was being worked on, never a trace. Its frames are gone, and the memory
            // kept in reserve is let go, so there is room to write it (a warm-up thread may still
            // hold the rest of the heap).
            reserve = null;
            String message = outOfMemory[0];
            if (e instanceof StackOverflowError) {
                try {
                    message = JvmLimits.diagnostic(e, SourceLocation.of(subject(cl, args))).orElseThrow().format();
                } catch (OutOfMemoryError again) {
                    // the heap is out too: say that
                }
            }
            terminal.err.println(message);
            return ExitCode.INTERNAL.code();
        } finally {
            terminal.out.flush();
            terminal.err.flush();
        }
    }

    /**
     * What the command was working on, for a message: its INPUT or ISSUE argument, as given
     * (several INPUTs joined by commas).
     */
    private static String subject(CommandLine cl, String[] args) {
        try {
            CommandLine.ParseResult sub = cl.getParseResult().subcommand();
            if (sub != null && !sub.matchedPositionals().isEmpty()) {
                Object value = sub.matchedPositionals().get(0).getValue();
                return value instanceof java.util.Collection<?> c
                        ? String.join(", ", c.stream().map(String::valueOf).toList()) : String.valueOf(value);
            }
        } catch (RuntimeException e) {
            // no parse result: fall back to the command's name
        }
        return args.length > 0 ? "separata " + args[0] : "separata";
    }

    /**
     * The command line with every subcommand, built with the shared pipeline and printing to
     * {@code terminal} (the manual page and completion are made from it, {@link Manual}).
     */
    static CommandLine commandLine(Terminal terminal, Separata separata) {
        return commandLine(new String[0], terminal, separata);
    }

    /**
     * The command line for {@code args}: with the subcommand the first argument names only, or
     * with all of them (no subcommand named, or {@code help}).
     */
    static CommandLine commandLine(String[] args, Terminal terminal, Separata separata) {
        PrintWriter err = terminal.err;
        CommandLine cl = new CommandLine(new Main(), new Factory(separata, terminal));
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null; // help names the others
        if (named == CommandLine.HelpCommand.class) {
            named = null;
        }
        for (Class<?> command : COMMANDS.values()) {
            if (named == null || command == named) {
                cl.addSubcommand(command);
            }
        }
        cl.setOut(terminal.out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::wrongCommandLine);
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
        m.put("fonts", FontsCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A command line picocli cannot take (an unknown option, a value of the wrong kind): what is
     * wrong, the options meant if one was mistyped, and where help is; exit 2.
     */
    private static int wrongCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("    hint: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Gives every subcommand the shared pipeline and the terminal. */
    private record Factory(Separata separata, Terminal terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == RenderCommand.class) {
                return cls.cast(new RenderCommand(separata, terminal));
            }
            if (cls == ValidateCommand.class) {
                return cls.cast(new ValidateCommand(separata, terminal));
            }
            if (cls == IssueCommand.class) {
                return cls.cast(new IssueCommand(separata, terminal));
            }
            if (cls == LayoutsCommand.class) {
                return cls.cast(new LayoutsCommand(separata));
            }
            if (cls == FontsCommand.class) {
                return cls.cast(new FontsCommand(separata));
            }
            if (cls == Version.class) {
                return cls.cast(new Version(separata.world()));
            }
            if (cls == ServeCommand.class) {
                return cls.cast(new ServeCommand(separata));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
