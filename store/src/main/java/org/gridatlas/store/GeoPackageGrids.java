package org.gridatlas.store;

import static org.gridatlas.engine.io.FieldType.INTEGER;
import static org.gridatlas.engine.io.FieldType.TEXT;
import static org.gridatlas.store.GeoPackageTables.row;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.engine.io.DataContract;
import org.gridatlas.engine.io.DatasetAssembler;
import org.gridatlas.engine.io.DatasetWriter;
import org.gridatlas.engine.io.Feature;
import org.gridatlas.engine.io.LayerSchema;
import org.gridatlas.engine.io.ResultReader;
import org.gridatlas.engine.io.ResultWriter;
import org.gridatlas.engine.model.Dataset;
import org.gridatlas.engine.model.Delineation;

/**
 * The imported dataset, its grids and the runs in the GeoPackage. Unsynchronised:
 * {@link GeoPackageGridStore} serialises every call.
 */
final class GeoPackageGrids implements GridRepository {
    static final LayerSchema RUNS = LayerSchema.attributes(
            "runs", "run_id", INTEGER, "source", TEXT, "created_at", TEXT, "grids", INTEGER, "report_json", TEXT);

    /** The contract's layers, each replaced whole by an import. */
    static final List<LayerSchema> IMPORTED = List.of(
            DataContract.COMMUNITIES,
            GivenShapes.TABLE,
            DataContract.BUILDINGS,
            DataContract.BARRIERS,
            DataContract.ALIASES,
            DataContract.POIS,
            DataContract.GRIDS,
            DataContract.ASSIGNMENTS);

    private final GeoPackageTables file;
    private final GeoPackageVersions versions;

    GeoPackageGrids(GeoPackageTables file, GeoPackageVersions versions) {
        this.file = file;
        this.versions = versions;
    }

    @Override
    public long replace(Dataset dataset, Delineation delineation, String source) {
        long id = runs().stream().mapToLong(RunInfo::id).max().orElse(0) + 1;
        try {
            // campuses are kept among the landmarks, as the PostGIS store keeps them
            Map<LayerSchema, List<Feature>> data = DatasetWriter.layers(new Dataset(
                    dataset.communities(),
                    dataset.buildings(),
                    dataset.barriers(),
                    List.of(),
                    dataset.hamlets(),
                    dataset.aliases(),
                    dataset.notes(),
                    dataset.landmarks()));
            Map<LayerSchema, List<Feature>> result = ResultWriter.layers(delineation);
            String report = ResultWriter.reportJson(delineation.report());
            // read before the transaction: the library reads tables over a second connection that would wait on it
            Map<String, Long> current = versions.currentVersions();
            java.util.Set<String> used = versions.usedCodes();
            file.inTransaction(() -> {
                for (LayerSchema t : IMPORTED) file.deleteAll(t);
                file.table(DataContract.COMMUNITIES).insert(data.get(DataContract.COMMUNITIES));
                file.table(GivenShapes.TABLE).insert(GivenShapes.rows(dataset.communities()));
                file.table(DataContract.BUILDINGS).insert(data.get(DataContract.BUILDINGS));
                file.table(DataContract.BARRIERS).insert(data.get(DataContract.BARRIERS));
                file.table(DataContract.ALIASES).insert(data.getOrDefault(DataContract.ALIASES, List.of()));
                file.table(DataContract.POIS).insert(data.getOrDefault(DataContract.POIS, List.of()));
                file.table(DataContract.GRIDS).insert(result.get(DataContract.GRIDS));
                file.table(DataContract.ASSIGNMENTS).insert(result.get(DataContract.ASSIGNMENTS));
                file.table(RUNS)
                        .insert(List.of(row(
                                "run_id",
                                id,
                                "source",
                                source,
                                "created_at",
                                Instant.now().toString(),
                                "grids",
                                delineation.grids().size(),
                                "report_json",
                                report)));
                // an import is a new version of every community (previews made before it are stale);
                // its codes are used
                for (var c : dataset.communities())
                    versions.setVersion(c.code(), current.getOrDefault(c.code(), 0L) + 1);
                versions.addUsedCodes(delineation.grids(), used);
            });
            return id;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("import failed, store unchanged: " + e.getMessage(), e);
        }
    }

    @Override
    public StoredState load() {
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(DataContract.COMMUNITIES, file.read(DataContract.COMMUNITIES));
        layers.put(DataContract.BUILDINGS, file.read(DataContract.BUILDINGS));
        layers.put(DataContract.BARRIERS, file.read(DataContract.BARRIERS));
        layers.put(DataContract.ALIASES, file.read(DataContract.ALIASES));
        layers.put(DataContract.POIS, file.read(DataContract.POIS));
        List<RunInfo> runs = runs();
        if (layers.get(DataContract.COMMUNITIES).isEmpty()) return StoredState.empty();
        Dataset d = new DatasetAssembler().assemble(layers);
        return new StoredState(
                GivenShapes.restore(d.communities(), file.read(GivenShapes.TABLE)),
                d.buildings(),
                d.barriers(),
                d.aliases(),
                file.read(DataContract.GRIDS).stream().map(ResultReader::grid).toList(),
                file.read(DataContract.ASSIGNMENTS).stream()
                        .map(ResultReader::assignment)
                        .toList(),
                runs.isEmpty() ? null : runs.get(runs.size() - 1),
                d.pois());
    }

    @Override
    public List<RunInfo> runs() {
        List<RunInfo> out = new ArrayList<>();
        for (Feature f : file.read(RUNS)) {
            Map<String, Object> p = f.properties();
            out.add(new RunInfo(
                    ((Number) p.get("run_id")).longValue(),
                    (String) p.get("source"),
                    Instant.parse((String) p.get("created_at")),
                    ((Number) p.get("grids")).intValue(),
                    (String) p.get("report_json")));
        }
        out.sort(Comparator.comparingLong(RunInfo::id));
        return out;
    }

    @Override
    public boolean reachable() {
        return true;
    }
}
