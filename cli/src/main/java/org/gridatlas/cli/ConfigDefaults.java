package org.gridatlas.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gridatlas.engine.errors.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values that the command line leaves out, from the environment and then a configuration
 * file: option {@code --tile-cache-mb} is {@code GRIDATLAS_TILE_CACHE_MB} in the environment and
 * {@code tile-cache-mb} in the file (Java properties, UTF-8). The command line wins over the
 * environment, which wins over the file, which wins over the built-in default.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    static final String FILE_VARIABLE = "GRIDATLAS_CONFIG";
    private final Map<String, String> env;
    private final Properties file;

    ConfigDefaults(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    /** The file named by {@code --config FILE} among the arguments, else by GRIDATLAS_CONFIG; checked against every option there is. */
    static ConfigDefaults load(String[] args, Map<String, String> env, CommandLine cli) {
        String path = env.get(FILE_VARIABLE);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) path = args[i + 1];
            else if (args[i].startsWith("--config=")) path = args[i].substring("--config=".length());
        }
        Properties p = new Properties();
        if (path != null) {
            try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new InputException(null, "cannot read the configuration file " + path + ": " + e.getMessage());
            }
            Set<String> known = optionKeys(cli);
            for (String key : p.stringPropertyNames()) {
                if (!known.contains(key)) {
                    throw new InputException(
                            null,
                            "configuration file " + path + ": unknown option '" + key + "' (known: "
                                    + String.join(", ", known) + ")");
                }
            }
        }
        return new ConfigDefaults(env, p);
    }

    static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }

    static String variable(OptionSpec o) {
        return "GRIDATLAS_" + key(o).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o) || o.usageHelp() || o.versionHelp() || key(o).equals("config")) return null;
        String v = env.get(variable(o));
        return v != null ? v : file.getProperty(key(o));
    }

    /** The keys of every option of every command, as the file names them. */
    static Set<String> optionKeys(CommandLine cli) {
        Set<String> keys = new TreeSet<>();
        for (CommandLine sub : cli.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (!o.usageHelp() && !o.versionHelp() && !key(o).equals("config")) keys.add(key(o));
            }
        }
        return keys;
    }
}
