#!/usr/bin/python3
"""Independent check of a crosswalk (gridatlas crosswalk) with shapely, not JTS.

usage: check_crosswalk.py GRIDS.geojson LAYER.geojson CROSSWALK_DIR [DATASET_DIR]

Recomputes, for every grid (level 'grid') and every unit of the department layer, the share of
the grid's area in the unit, and compares it with crosswalk.csv: every pair sharing 0.01% or more
of a grid must be there, within 0.001; no row may name a pair that shares nothing; each grid's
household shares sum to at most 1; conflicts.csv kinds are known and their counts are report.json's.
With the dataset (buildings.geojson) and the grids' assignments.csv beside grids.geojson, also
recomputes the household shares from where each building's representative point stands; a
building straddling a unit line may count for another unit than GridAtlas's interior point, so
at most 2% of rows may differ.
Prints one line per check and 'PASS ...' or 'FAIL ...'; exit status 0 only on PASS.
Needs Debian's python3-shapely.
"""
import csv, json, math, os, sys, warnings
from collections import defaultdict

from shapely.geometry import shape
from shapely.ops import transform
from shapely.strtree import STRtree

warnings.filterwarnings("ignore")

KINDS = {"grid_split", "boundary_cuts_grid", "gap", "overlap", "outside_coverage"}


def projector(lon0, lat0):
    k = math.cos(math.radians(lat0))
    return lambda g: transform(lambda x, y, z=None: ((x - lon0) * 111320 * k, (y - lat0) * 111320), g)


def household_shares(grids_path, dataset_dir, unit_geoms, tree, index_of, to_m):
    homes = {}
    for f in json.load(open(os.path.join(dataset_dir, "buildings.geojson"), encoding="utf-8"))["features"]:
        p = f["properties"]
        homes[str(p["id"])] = (to_m(shape(f["geometry"])).representative_point(), p.get("households") or 0, p.get("units"))
    per_grid = defaultdict(lambda: defaultdict(float))
    with open(os.path.join(os.path.dirname(grids_path), "assignments.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = r["building_id"]
            bid, unit = (key.split("#", 1) + [None])[:2] if "#" in key else (key, None)
            point, households, units = homes[bid]
            if unit is not None and units:
                households = sum(u.get("households", 0) for u in units if str(u.get("unit")) == unit)
            owners = sorted(unit_geoms[index_of[id(h)] if hasattr(h, "geom_type") else int(h)][0]
                            for h in tree.query(point) if unit_geoms[index_of[id(h)] if hasattr(h, "geom_type") else int(h)][1].covers(point))
            per_grid[r["grid_code"]][owners[0] if owners else None] += households
    shares = {}
    for code, by_unit in per_grid.items():
        total = sum(by_unit.values())
        for uid, h in by_unit.items():
            if uid is not None and total > 0:
                shares[(code, uid)] = h / total
    return shares


def main(grids_path, layer_path, out_dir, dataset_dir=None):
    grids = [f for f in json.load(open(grids_path, encoding="utf-8"))["features"] if f["properties"].get("level", "grid") == "grid"]
    units = json.load(open(layer_path, encoding="utf-8"))["features"]
    first = shape(grids[0]["geometry"]).centroid
    to_m = projector(first.x, first.y)
    grid_geoms = {g["properties"]["code"]: to_m(shape(g["geometry"])).buffer(0) for g in grids}
    unit_geoms = [(str(u["properties"]["id"]), to_m(shape(u["geometry"])).buffer(0)) for u in units]
    tree = STRtree([g for _, g in unit_geoms])
    index_of = {id(g): i for i, (_, g) in enumerate(unit_geoms)}

    expected = {}
    for code, g in grid_geoms.items():
        for hit in tree.query(g):
            # shapely 2 answers indexes, shapely 1.8 (Debian 12) the geometries themselves
            uid, ug = unit_geoms[index_of[id(hit)] if hasattr(hit, "geom_type") else int(hit)]
            share = g.intersection(ug).area / g.area
            if share > 0:
                expected[(code, uid)] = share

    rows = {}
    household_sum = defaultdict(float)
    with open(os.path.join(out_dir, "crosswalk.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[(r["grid_code"], r["unit_id"])] = float(r["area_share"])
            if r["household_share"]:
                household_sum[r["grid_code"]] += float(r["household_share"])

    failures = []
    missing = [k for k, s in expected.items() if s >= 1e-4 and k not in rows]
    off = [(k, rows[k], s) for k, s in expected.items() if k in rows and abs(rows[k] - s) > 1e-3]
    phantom = [k for k in rows if k not in expected and rows[k] > 1e-6]
    over = [(c, s) for c, s in household_sum.items() if s > 1 + 1e-9]
    print(f"pairs: {len(expected)} by shapely, {len(rows)} in crosswalk.csv")
    print(f"missing pairs (share >= 0.01%): {len(missing)} {missing[:5]}")
    print(f"area shares off by more than 0.001: {len(off)} {off[:5]}")
    print(f"rows naming a pair that shares nothing: {len(phantom)} {phantom[:5]}")
    print(f"grids whose household shares sum past 1: {len(over)} {over[:5]}")
    failures += ["missing"] * bool(missing) + ["off"] * bool(off) + ["phantom"] * bool(phantom) + ["households"] * bool(over)

    if dataset_dir:
        expected_h = household_shares(grids_path, dataset_dir, unit_geoms, tree, index_of, to_m)
        got_h = {}
        with open(os.path.join(out_dir, "crosswalk.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["household_share"]:
                    got_h[(r["grid_code"], r["unit_id"])] = float(r["household_share"])
        keys = set(expected_h) | {k for k, v in got_h.items() if v > 0}
        differ_h = [(k, got_h.get(k, 0), round(expected_h.get(k, 0), 4)) for k in sorted(keys) if abs(got_h.get(k, 0) - expected_h.get(k, 0)) > 1e-3]
        print(f"household shares differing by more than 0.001: {len(differ_h)} of {len(keys)} {differ_h[:5]}")
        if len(differ_h) > 0.02 * max(1, len(keys)):
            failures.append("household_shares")

    kinds = defaultdict(int)
    with open(os.path.join(out_dir, "conflicts.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            kinds[r["kind"]] += 1
    report = json.load(open(os.path.join(out_dir, "report.json"), encoding="utf-8"))
    unknown = set(kinds) - KINDS
    differ = {k: (kinds.get(k, 0), n) for k, n in report["conflicts"].items() if kinds.get(k, 0) != n}
    print(f"conflict kinds: {dict(kinds)}; unknown {sorted(unknown)}; differing from report.json {differ}")
    failures += ["kinds"] * bool(unknown or differ)

    if failures:
        print("FAIL " + ",".join(failures))
        return 1
    print(f"PASS pairs={len(rows)} grids={len(grid_geoms)} units={len(unit_geoms)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
