package org.separata.cli;

import java.io.PrintWriter;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.pipeline.Separata;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code separata} command line. Each subcommand is its own class and returns an exit code. */
@Command(name = "separata", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Typesets scholarly journal articles into print-ready PDF offprints.",
        subcommands = {RenderCommand.class, ValidateCommand.class, IssueCommand.class, LayoutsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage (or an output that names an input), 3 invalid "
                + "input, 4 some articles failed, 5 the output cannot be written, 130 interrupted."})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given writers; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, World.system());
    }

    /** Runs the command line in the given world (a fixed clock, say); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, World world) {
        Separata separata = new Separata(world);
        CommandLine cl = new CommandLine(new Main(), new Factory(separata));
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
        return cl.execute(args);
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
