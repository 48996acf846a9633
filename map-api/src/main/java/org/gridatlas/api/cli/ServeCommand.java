package org.gridatlas.api.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridatlas.api.store.GridStore;
import org.gridatlas.api.web.ApiServer;
import org.gridatlas.api.web.StaffingRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the stored grids: GeoJSON API, lookups, reports.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Mixin
    StaffingOptions staffing = new StaffingOptions();

    @Override
    public Integer call() throws Exception {
        serve(store.open(), port, staffing.rule());
        return 0;
    }

    /** Serves until the process is stopped; closes the server and the store on the way out. */
    static void serve(GridStore store, int port, StaffingRule staffing) throws InterruptedException {
        ApiServer server = new ApiServer(store, staffing).start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }));
        System.out.printf("GridAtlas serving on http://localhost:%d/ (API at /api/v1, OpenAPI at /api/v1/openapi.json)%n", server.port());
        stopped.await();
    }
}
