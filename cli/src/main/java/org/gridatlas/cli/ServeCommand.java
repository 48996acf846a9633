package org.gridatlas.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridatlas.api.serving.ReportSimulator;
import org.gridatlas.api.web.ApiServer;
import org.gridatlas.store.GridStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the stored grids: GeoJSON API, lookups, reports, tiles, the big screen.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        serve(
                store.open(),
                server,
                port -> System.out.printf(
                        "GridAtlas serving on http://localhost:%d/ (API at /api/v1, OpenAPI at /api/v1/openapi.json)%n",
                        port));
        return 0;
    }

    /**
     * Serves until the process is stopped; on SIGTERM/SIGINT stops gracefully, then closes the store.
     * {@code announce} is told the port once the server listens.
     */
    static void serve(GridStore store, ServerOptions options, java.util.function.IntConsumer announce)
            throws InterruptedException {
        ApiServer server = new ApiServer(store, options.settings()).start(options.host, options.port);
        ReportSimulator simulator = options.simulateReports
                ? new ReportSimulator(server::serving, server.reportDesk(), System.nanoTime()).start()
                : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: finishing requests in flight");
            if (simulator != null) simulator.close();
            server.close();
            store.close();
            LOG.info("stopped");
            stopped.countDown();
        }));
        announce.accept(server.port());
        stopped.await();
    }
}
