package io.meshbone.cli.serve;

import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Fills every {@code serve} flag not given on the command line from its environment variable, else from the
 * {@code --config} file, else leaves the built-in default (see {@link ServeEnvironment} for the names).
 *
 * <p>Picocli asks after it has parsed the command line, so a {@code --config} given there is already known.
 */
public final class ServeDefaults implements IDefaultValueProvider {

    static final String CONFIG_FLAG = "--config";

    private final Map<String, String> environment;
    private Path loadedFrom;
    private Properties loaded = new Properties();

    /** Reads this process's environment. */
    public ServeDefaults() {
        this(System.getenv());
    }

    /** Reads {@code environment} instead of the process's, for tests. */
    public ServeDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()
                || !option.longestName().startsWith("--")) {
            return null;
        }
        String fromEnvironment = environment.get(ServeEnvironment.variableFor(option.longestName()));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (option.longestName().equals(CONFIG_FLAG)) {
            return null;
        }
        return file(option.command()).getProperty(ServeEnvironment.fileKeyFor(option.longestName()));
    }

    /** The {@code --config} file's properties (empty without one), loaded once per file. */
    Properties file(CommandSpec command) {
        OptionSpec config = command.findOption(CONFIG_FLAG);
        Object given = config == null ? null : config.getValue();
        String name = given != null ? given.toString() : environment.get(ServeEnvironment.CONFIG_VARIABLE);
        if (name == null || name.isBlank()) {
            return new Properties();
        }
        Path path = Path.of(name);
        if (!path.equals(loadedFrom)) {
            try {
                loaded = ServeEnvironment.load(path);
            } catch (UncheckedIOException e) {
                throw new CommandLine.ParameterException(command.commandLine(), e.getMessage(), e);
            }
            loadedFrom = path;
        }
        return loaded;
    }

    /** The environment this provider reads. */
    Map<String, String> environment() {
        return environment;
    }
}
