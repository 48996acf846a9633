package org.gridatlas.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gridatlas.api.serving.CommunityEdits;
import org.gridatlas.api.serving.FeatureCatalog;
import org.gridatlas.api.serving.GeoJsonOut;
import org.gridatlas.api.serving.Json;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.edit.GridEdit;
import org.gridatlas.engine.geom.Geoms;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridCode;
import org.gridatlas.store.CommunityHistory;
import org.gridatlas.store.CommunityVersion;
import org.gridatlas.store.StoredPreview;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Planner edits of a community: a change is first previewed (the grids it would give, what moves,
 * which codes are kept, retired or new, the rules checked), then committed over the version it
 * was made on (optimistic locking: a stale commit gets 409 and changes nothing). Every commit is a
 * version with author, time and reason; history per community and per grid, the grids as of a
 * date, and revert (as a new version). Edits need a planner or admin token and are audited.
 */
final class ChangesResource {
    private final Supplier<ServingState> state;
    private final CommunityHistory store;
    private final CommunityEdits edits;

    ChangesResource(Supplier<ServingState> state, CommunityHistory store, CommunityEdits edits) {
        this.state = state;
        this.store = store;
        this.edits = edits;
    }

    void preview(Context ctx) throws IOException {
        JsonNode body = RequestBodies.object(ctx, RequestBodies.EDIT_JSON);
        StoredPreview p = edits.preview(
                Access.caller(ctx).name(),
                ctx.pathParam("code"),
                edit(body),
                body.path("op").asText(),
                text(body, "reason"));
        ctx.status(201).header("ETag", etag(p.baseVersion()));
        view(ctx, p);
    }

    /** The preview named in the path, from the store (whichever instance made it); 404 when unknown, expired or committed. */
    private StoredPreview previewIn(Context ctx) {
        return store.preview(ctx.pathParam("id"))
                .filter(p -> p.communityCode().equals(ctx.pathParam("code")))
                .orElseThrow(() -> ApiError.notFound("change " + ctx.pathParam("id")));
    }

    void get(Context ctx) throws IOException {
        StoredPreview p = previewIn(ctx);
        ctx.header("ETag", etag(p.baseVersion()));
        view(ctx, p);
    }

    void commit(Context ctx) throws IOException {
        StoredPreview p = previewIn(ctx);
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !ifMatch.equals(etag(p.baseVersion()))) {
            throw new ApiError(
                    412, "If-Match", "this change was previewed on " + etag(p.baseVersion()) + ", not " + ifMatch);
        }
        JsonNode body = RequestBodies.object(ctx, RequestBodies.EDIT_JSON);
        long version = edits.commit(Access.caller(ctx).name(), p, text(body, "reason"));
        ctx.header("ETag", etag(version))
                .json(Map.of(
                        "community",
                        p.communityCode(),
                        "version",
                        version,
                        "change",
                        Json.MAPPER.readTree(p.changeJson())));
    }

    void versions(Context ctx) {
        String community = ctx.pathParam("code");
        state.get().communityState(community); // 404 for an unknown community
        List<Map<String, Object>> out = new ArrayList<>();
        for (CommunityVersion v : store.versions(community)) out.add(versionView(v, null));
        ctx.header("ETag", etag(store.communityVersion(community)))
                .json(Map.of("community", community, "version", store.communityVersion(community), "versions", out));
    }

    /** Every version of the grid's community in which the grid appears, with what it held then. */
    void gridHistory(Context ctx) throws IOException {
        String code = ctx.pathParam("code");
        ServingState s = state.get();
        GridCode parsed = GridCode.parse(code);
        if (parsed == null || !s.communities.containsKey(parsed.communityCode()))
            throw ApiError.notFound("grid " + code);
        List<Map<String, Object>> out = new ArrayList<>();
        for (CommunityVersion v : store.versions(parsed.communityCode())) {
            Grid g = v.grids().stream()
                    .filter(x -> x.code().equals(code))
                    .findFirst()
                    .orElse(null);
            if (g != null || retiredBy(v, code)) out.add(versionView(v, g));
        }
        if (out.isEmpty() && !s.grids.containsKey(code)) throw ApiError.notFound("grid " + code);
        ctx.json(Map.of("grid", code, "history", out));
    }

    /** Whether the version's change retired the code (the version where a grid ends). */
    private static boolean retiredBy(CommunityVersion v, String code) throws IOException {
        if (v.changeJson() == null) return false;
        for (JsonNode retired : Json.MAPPER.readTree(v.changeJson()).path("retired"))
            if (retired.asText().equals(code)) return true;
        return false;
    }

    /** The community's grids as they were at a time: the last version committed by then (the current grids without edits). */
    void asOf(Context ctx) throws IOException {
        String community = ctx.pathParam("code");
        ServingState s = state.get();
        s.communityState(community);
        Instant at = ctx.queryParam("as_of") == null ? Instant.now() : Params.instant("as_of", ctx.queryParam("as_of"));
        List<CommunityVersion> versions = store.versions(community);
        List<Grid> grids = s.gridsByCommunity.getOrDefault(community, List.of());
        Long version = null;
        if (!versions.isEmpty()) {
            CommunityVersion chosen = versions.get(0);
            for (CommunityVersion v : versions) if (!v.time().isAfter(at)) chosen = v;
            grids = chosen.grids();
            version = chosen.version();
        }
        ctx.contentType("application/geo+json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream(), Params.crs(ctx.queryParam("crs")))) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("as_of", at.toString());
            members.put("version", version);
            out.startCollection(members);
            for (Grid g : grids) out.feature(g.code(), FeatureCatalog.grid(g), g.geometry());
            out.endCollection();
        }
    }

    /** Commits an earlier version's grids again, as a new version. */
    void revert(Context ctx) throws IOException {
        String community = ctx.pathParam("code");
        long target;
        try {
            target = Long.parseLong(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("version", "version must be a number");
        }
        JsonNode body = RequestBodies.object(ctx, RequestBodies.EDIT_JSON);
        long version = edits.revert(
                Access.caller(ctx).name(), community, target, version(ctx.header("If-Match")), text(body, "reason"));
        ctx.header("ETag", etag(version))
                .json(Map.of("community", community, "version", version, "reverted_to", target));
    }

    /** The version an If-Match names ("v3" in quotes), or null when there is none. */
    private static Long version(String ifMatch) {
        if (ifMatch == null) return null;
        String v = ifMatch.replace("\"", "");
        if (!v.matches("v\\d{1,18}"))
            throw ApiError.badRequest("If-Match", "If-Match names a version as \"v3\", not " + Params.shown(ifMatch));
        return Long.parseLong(v.substring(1));
    }

    static String etag(long version) {
        return "\"v" + version + "\"";
    }

    private static GridEdit edit(JsonNode body) {
        String op = body.path("op").asText("");
        switch (op) {
            case "move" -> {
                List<String> ids = strings(body.path("buildings"));
                if (ids.isEmpty()) throw ApiError.badRequest("buildings", "name the buildings to move");
                return new GridEdit.MoveBuildings(ids, required(body, "to"));
            }
            case "split" -> {
                return new GridEdit.SplitGrid(required(body, "grid"));
            }
            case "merge" -> {
                List<String> grids = strings(body.path("grids"));
                if (grids.size() != 2) throw ApiError.badRequest("grids", "merge takes two grid codes");
                return new GridEdit.MergeGrids(grids.get(0), grids.get(1));
            }
            case "rerun" -> {
                return new GridEdit.Rerun(new LinkedHashSet<>(strings(body.path("locked"))));
            }
            case "split_along" -> {
                return new GridEdit.SplitAlong(required(body, "grid"), geometry(body, "line", LineString.class));
            }
            case "redraw" -> {
                return new GridEdit.Redraw(required(body, "grid"), geometry(body, "boundary", Polygon.class));
            }
            default ->
                throw ApiError.badRequest(
                        "op", "op is move, split, split_along, merge, redraw or rerun, not '" + op + "'");
        }
    }

    /** A GeoJSON geometry member (lon/lat) of the expected type. */
    private static <G extends Geometry> G geometry(JsonNode body, String field, Class<G> type) {
        JsonNode n = body.get(field);
        if (n == null || !n.isObject())
            throw ApiError.badRequest(field, "missing " + field + " (a GeoJSON " + type.getSimpleName() + ")");
        try {
            Geometry g = new GeoJsonReader(Geoms.LONLAT).read(n.toString());
            if (!type.isInstance(g) || !g.isValid())
                throw ApiError.badRequest(field, field + " must be a valid GeoJSON " + type.getSimpleName());
            return type.cast(g);
        } catch (ParseException e) {
            throw ApiError.badRequest(field, field + " is not GeoJSON: " + e.getMessage());
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String required(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null || v.isBlank()) throw ApiError.badRequest(field, "missing " + field);
        return v;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : Params.plainText(field, v.asText(), 2000);
    }

    private void view(Context ctx, StoredPreview p) throws IOException {
        ctx.contentType("application/json");
        try (GeoJsonOut out = new GeoJsonOut(ctx.outputStream())) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("id", p.id());
            members.put("community", p.communityCode());
            members.put("base_version", p.baseVersion());
            members.put("author", p.author());
            members.put("reason", p.reason());
            members.put("change", Json.MAPPER.readTree(p.changeJson()));
            members.put("verification", Json.MAPPER.readTree(p.verificationJson()));
            out.startCollection(members);
            for (Grid g : p.grids()) out.feature(g.code(), FeatureCatalog.grid(g), g.geometry());
            out.endCollection();
        }
    }

    private static Map<String, Object> versionView(CommunityVersion v, Grid g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("author", v.author());
        m.put("time", v.time().toString());
        m.put("reason", v.reason());
        m.put(
                "grids",
                v.grids().stream()
                        .filter(x -> x.level() == org.gridatlas.engine.model.GridLevel.GRID)
                        .count());
        try {
            m.put("change", v.changeJson() == null ? null : Json.MAPPER.readTree(v.changeJson()));
        } catch (IOException e) {
            m.put("change", v.changeJson());
        }
        if (g != null)
            m.put(
                    "grid",
                    Map.of(
                            "households",
                            g.households(),
                            "buildings",
                            g.buildings(),
                            "area_m2",
                            Math.round(g.areaM2())));
        return m;
    }

    /** Every code the community has had: current and retired (a retired code is never given again). */
    void codes(Context ctx) {
        state.get().communityState(ctx.pathParam("code")); // 404 for an unknown community
        Set<String> used = new HashSet<>(store.codesEverUsed(ctx.pathParam("code")));
        ctx.json(Map.of(
                "community",
                ctx.pathParam("code"),
                "codes_ever_used",
                used.stream().sorted().toList()));
    }
}
