package org.separata.cli;

import java.io.PrintWriter;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.pipeline.Separata;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code separata} command line. Each subcommand is its own class and returns an exit code. */
@Command(name = "separata", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Typesets scholarly journal articles into print-ready PDF offprints.",
        subcommands = {RenderCommand.class, ValidateCommand.class, IssueCommand.class, LayoutsCommand.class,
                FontsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage (or an output that names an input), 3 invalid "
                + "input, 4 some articles failed, 5 the output cannot be written, 130 interrupted."})
public final class Main {

    public static void main(String[] args) {
        World world = World.system();
        Terminal terminal = Terminal.system(world);
        int code = run(args, terminal, world);
        terminal.out.flush();
        terminal.err.flush();
        System.exit(code);
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
        return commandLine(terminal, new Separata(world)).execute(args);
    }

    /** The command line, its commands built with the shared pipeline, printing to {@code terminal}. */
    static CommandLine commandLine(Terminal terminal, Separata separata) {
        PrintWriter err = terminal.err;
        CommandLine cl = new CommandLine(new Main(), new Factory(separata, terminal));
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
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
