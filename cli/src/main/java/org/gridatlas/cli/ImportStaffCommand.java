package org.gridatlas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridatlas.api.web.StaffCsv;
import org.gridatlas.store.GridStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "import-staff",
        mixinStandardHelpOptions = true,
        description =
                "Replace the grid chiefs and workers from a CSV (grid_code,role,name,phone; role chief or worker).")
final class ImportStaffCommand implements Callable<Integer> {
    @Option(names = "--csv", required = true, description = "the staff CSV: grid_code,role,name,phone")
    Path csv;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        try (GridStore s = store.open();
                java.io.InputStream in = Files.newInputStream(csv)) {
            int n = StaffCsv.importInto(s, in);
            System.out.printf("%d staff imported%n", n);
        }
        return 0;
    }
}
