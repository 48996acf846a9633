package org.gridatlas.api.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.gridatlas.api.serving.GridMaps;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.tiles.print.MapSheet;
import org.gridatlas.tiles.print.Paper;

/** map.pdf of a grid, a community or a street's grids (?size=A4|A3&orientation=portrait|landscape). */
final class PrintsResource {
    private final Supplier<ServingState> state;
    private final GridMaps maps;

    PrintsResource(Supplier<ServingState> state, GridMaps maps) {
        this.state = state;
        this.maps = maps;
    }

    void grid(Context ctx) throws IOException {
        Paper paper = paper(ctx);
        String code = ctx.pathParam("code");
        send(ctx, paper, maps.grids(state.get(), List.of(code)), "grid-" + code);
    }

    void community(Context ctx) throws IOException {
        Paper paper = paper(ctx);
        String code = ctx.pathParam("code");
        send(ctx, paper, List.of(maps.community(state.get(), code)), "community-" + code);
    }

    void street(Context ctx) throws IOException {
        Paper paper = paper(ctx);
        String code = ctx.pathParam("code");
        send(ctx, paper, maps.street(state.get(), code), "street-" + code);
    }

    private static Paper paper(Context ctx) {
        return Paper.parse(ctx.queryParam("size"), ctx.queryParam("orientation"));
    }

    /** The code in the file name is one the snapshot holds (an unknown one was answered 404 before). */
    private void send(Context ctx, Paper paper, List<MapSheet> sheets, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        maps.write(sheets, paper, out);
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
                .result(out.toByteArray());
    }
}
