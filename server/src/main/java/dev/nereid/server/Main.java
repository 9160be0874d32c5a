package dev.nereid.server;

import dev.nereid.server.cli.StreamInfoCommand;
import dev.nereid.server.cli.TailCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./nereid}: the command line. Each subcommand is its own class. */
@Command(name = "nereid", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A graph database server wire-compatible with the Amazon Neptune data plane, "
                + "built around its change stream.",
        subcommands = {ServeCommand.class, TailCommand.class, StreamInfoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nereid " + (v == null ? "development build" : v)};
        }
    }
}
