package org.gridatlas.cli;

import org.gridatlas.api.web.StaffingRule;
import picocli.CommandLine.Option;

/** How many grid workers the staffing view asks for. */
final class StaffingOptions {
    @Option(names = "--persons-per-household", defaultValue = "2.62", description = "residents per household (default ${DEFAULT-VALUE})")
    double personsPerHousehold;

    @Option(names = "--urban-residents-per-worker", defaultValue = "1000", description = "urban residents one grid worker serves (default ${DEFAULT-VALUE})")
    int urban;

    @Option(names = "--rural-residents-per-worker", defaultValue = "600", description = "rural residents one grid worker serves (default ${DEFAULT-VALUE})")
    int rural;

    StaffingRule rule() {
        return new StaffingRule(personsPerHousehold, urban, rural);
    }
}
