package org.gridatlas.api.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gridatlas.engine.edit.ChangeSummary;
import org.gridatlas.engine.edit.CommunityState;
import org.gridatlas.engine.edit.EditRefused;
import org.gridatlas.engine.edit.GridEdit;
import org.gridatlas.engine.edit.GridEditor;
import org.gridatlas.engine.model.Assignment;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.partition.Bounds;
import org.gridatlas.engine.validate.Verification;
import org.gridatlas.store.AccessStore;
import org.gridatlas.store.AuditEntry;
import org.gridatlas.store.CommunityCommit;
import org.gridatlas.store.CommunityHistory;
import org.gridatlas.store.CommunityVersion;
import org.gridatlas.store.StaleVersionException;
import org.gridatlas.store.StoredPreview;

/**
 * Planners' edits of a community, as use cases: preview an edit (the grids it gives, what moves,
 * the codes kept, retired or new, the rules checked), commit a preview over the version it was
 * made on, revert to an earlier version as a new one. Each is audited, refusals too; after a
 * commit the snapshot is reloaded (through {@code committed}) before the caller answers.
 */
public final class CommunityEdits {
    /** How long a preview waits for its commit. */
    public static final Duration PREVIEW_LIFETIME = Duration.ofHours(2);

    private final Supplier<ServingState> state;
    private final CommunityHistory history;
    private final AccessStore audit;
    private final GridEditor editor;
    private final Bounds micro;
    private final Consumer<String> committed;

    /** {@code micro}: the bounds micro grids are divided by again where a change touches a community that has them. */
    public CommunityEdits(
            Supplier<ServingState> state,
            CommunityHistory history,
            AccessStore audit,
            GridEditor editor,
            Bounds micro,
            Consumer<String> committed) {
        this.state = state;
        this.history = history;
        this.audit = audit;
        this.editor = editor;
        this.micro = micro;
        this.committed = committed;
    }

    /** What the change moves and which codes it keeps, retires and adds (kept with the preview and the version). */
    public record Change(
            int householdsMoved,
            int householdsInCommunity,
            int buildingsMoved,
            List<Move> moves,
            List<String> kept,
            List<String> retired,
            List<String> added) {
        public record Move(String building, String from, String to, int households) {}

        static Change of(ChangeSummary c) {
            return new Change(
                    c.householdsMoved(),
                    c.householdsInCommunity(),
                    c.moves().size(),
                    c.moves().stream()
                            .map(m -> new Move(m.buildingKey(), m.fromGrid(), m.toGrid(), m.households()))
                            .toList(),
                    c.kept(),
                    c.retired(),
                    c.added());
        }
    }

    /** What verification found in the grids a preview gives. */
    public record Checked(boolean passed, Map<String, Integer> violations, Map<String, List<String>> examples) {}

    /** A revert's change: the version gone back to and the buildings that move back. */
    public record Revert(long revertTo, List<MoveBack> moves) {
        public record MoveBack(String building, String from, String to) {}
    }

    /** Previews the edit on the community as it is now; {@link EditRefused} (audited) when it would break a rule. */
    public StoredPreview preview(String author, String community, GridEdit edit, String op, String reason) {
        long base = history.communityVersion(community);
        ServingState s = state.get();
        CommunityState cs = s.communityState(community);
        // a community divided into micro grids keeps them: the grids the change touches are divided again
        boolean hasMicro = cs.grids().stream().anyMatch(g -> s.microByParent.containsKey(g.code()));
        GridEditor.Result r;
        try {
            r = editor.apply(cs, edit, history.codesEverUsed(community), hasMicro ? micro : null);
        } catch (EditRefused e) {
            audit.audit(new AuditEntry(
                    Instant.now(), author, "preview " + op, community, "refused: " + e.field(), e.getMessage()));
            throw e;
        }
        List<Grid> all = new ArrayList<>(r.grids());
        // the micro grids of the grids the change leaves exactly as they were stay as they are
        for (Grid g : r.grids())
            if (cs.grids().contains(g)) all.addAll(s.microByParent.getOrDefault(g.code(), List.of()));
        Instant now = Instant.now();
        Verification v = r.verification();
        StoredPreview p = new StoredPreview(
                UUID.randomUUID().toString(),
                community,
                base,
                author,
                reason,
                now,
                now.plus(PREVIEW_LIFETIME),
                all,
                r.assignments(),
                Json.write(Change.of(r.change())),
                Json.write(new Checked(v.passed(), v.counts(), v.examples())));
        history.putPreview(p);
        audit.audit(new AuditEntry(Instant.now(), author, "preview " + op, community, "ok", p.id()));
        return p;
    }

    /** Commits a preview as the community's next version; {@link StaleVersionException} (audited) when another commit came first. */
    public long commit(String author, StoredPreview p, String reason) {
        long version = store(
                author,
                p.communityCode(),
                "commit",
                new CommunityCommit(
                        p.communityCode(),
                        p.baseVersion(),
                        p.grids(),
                        p.assignments(),
                        author,
                        reason != null ? reason : p.reason(),
                        p.changeJson()));
        history.removePreview(p.id());
        return version;
    }

    /**
     * Commits version {@code target}'s grids again, as a new version over {@code base} (the version
     * the caller saw; null: the current one); {@link NotFound} for a version that never was.
     */
    public long revert(String author, String community, long target, Long base, String reason) {
        CommunityVersion v = history.versions(community).stream()
                .filter(x -> x.version() == target)
                .findFirst()
                .orElseThrow(() -> new NotFound("version " + target + " of community " + community));
        long current = history.communityVersion(community);
        if (base != null && base != current) throw new StaleVersionException(community, base, current);
        ServingState s = state.get();
        Map<String, String> now = new LinkedHashMap<>();
        for (Grid g : s.gridsByCommunity.getOrDefault(community, List.of())) {
            for (Assignment a : s.assignmentsByGrid.getOrDefault(g.code(), List.of()))
                now.put(a.buildingKey(), a.gridCode());
        }
        List<Revert.MoveBack> moves = new ArrayList<>();
        for (Assignment a : v.assignments()) {
            String was = now.get(a.buildingKey());
            if (was != null && !was.equals(a.gridCode()))
                moves.add(new Revert.MoveBack(a.buildingKey(), was, a.gridCode()));
        }
        return store(
                author,
                community,
                "revert to " + target,
                new CommunityCommit(
                        community,
                        current,
                        v.grids(),
                        v.assignments(),
                        author,
                        reason != null ? reason : "revert to version " + target,
                        Json.write(new Revert(target, moves))));
    }

    /** Commits, audits either way, and has the snapshot reloaded before returning. */
    private long store(String author, String community, String action, CommunityCommit commit) {
        long version;
        try {
            version = history.commit(commit);
        } catch (StaleVersionException e) {
            audit.audit(new AuditEntry(Instant.now(), author, action, community, "refused: stale", e.getMessage()));
            throw e;
        }
        audit.audit(new AuditEntry(Instant.now(), author, action, community, "ok", "version " + version));
        committed.accept(community);
        return version;
    }
}
