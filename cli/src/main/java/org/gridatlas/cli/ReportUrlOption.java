package org.gridatlas.cli;

import org.gridatlas.api.serving.GridMaps;
import org.gridatlas.engine.errors.InputException;
import picocli.CommandLine.Option;

/** --report-url: the link printed grid maps carry as a QR code, for the server and the print command alike. */
final class ReportUrlOption {
    /** A QR code of version 10 at level M holds about 200 bytes: a longer link would print too fine to scan. */
    private static final int MAX = 200;

    @Option(
            names = "--report-url",
            paramLabel = "TEMPLATE",
            description =
                    "the link residents report through, printed on grid maps as a QR code; {code} is replaced"
                            + " by the grid's code (e.g. https://12345.example.gov.cn/report?grid={code}; default: the code alone)")
    String template;

    String template() {
        if (template == null) return GridMaps.DEFAULT_REPORT_URL;
        if (!template.contains("{code}")
                || template.length() > MAX
                || template.chars().anyMatch(Character::isISOControl))
            throw new InputException(
                    "report-url",
                    "is a link of at most " + MAX + " characters with {code} where the grid's code goes, not '"
                            + template + "'");
        return template;
    }
}
