package org.gridatlas.engine.partition;

import java.util.List;

/**
 * One step that improves a community's partition in place, once a first partition is cut: the
 * heuristic refiners, and any step a planner adds after them (each gets the grids the steps
 * before it left, and the bounds the partition works to).
 */
@FunctionalInterface
interface PartitionStep {
    void improve(Components grids, Bounds target);

    /** The heuristic's steps, in order: pockets merged, single moves, chains of moves, rounder grids. */
    List<PartitionStep> HEURISTIC =
            List.of(PocketMerger::merge, PartitionRefiner::refine, BoundsRepair::repair, CompactnessRefiner::refine);
}
