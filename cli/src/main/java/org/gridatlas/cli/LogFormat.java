package org.gridatlas.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * How the logs read: one line each for a person at a terminal, JSON lines for a machine (a pipe, a
 * file, a log shipper). Chosen once a command's options are read; logback.xml names both.
 */
enum LogFormat {
    TEXT,
    JSON;

    /** The format asked for, else text on an interactive terminal and JSON lines otherwise. */
    static LogFormat of(LogFormat asked, boolean terminal) {
        return asked != null ? asked : terminal ? TEXT : JSON;
    }

    /** Configures logging anew in this format (logback.xml reads it as GRIDATLAS_LOG_FORMAT). */
    void apply() {
        System.setProperty("GRIDATLAS_LOG_FORMAT", name().toLowerCase(java.util.Locale.ROOT));
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml does not configure: " + e.getMessage(), e);
        }
    }
}
