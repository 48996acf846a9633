package org.gridatlas.engine.io;

import java.util.List;
import org.gridatlas.engine.errors.InputException;

/** Input that cannot be used: every problem found, each naming its file, record and what is wrong. */
public final class DatasetException extends InputException {
    private final List<String> problems;

    public DatasetException(List<String> problems) {
        super(null, summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        StringBuilder sb = new StringBuilder(
                "invalid input (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):");
        problems.stream().limit(20).forEach(p -> sb.append("\n  ").append(p));
        if (problems.size() > 20)
            sb.append("\n  ... and ").append(problems.size() - 20).append(" more");
        return sb.toString();
    }
}
