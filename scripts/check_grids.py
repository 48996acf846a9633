#!/usr/bin/python3
# Copied unchanged from the project's shared/tools (the independent checker of DATA.md's rules); the end-to-end tests run it.
"""Independent checker of a delineation result against the rules of shared/spec/DATA.md.

usage: check_grids.py DATASET_DIR RESULT_DIR [--min 300] [--max 500] [--json OUT]

Reads the dataset (communities, buildings, barriers) and the result (grids.geojson,
assignments.csv, report.json), checks every rule, prints one line per rule and a last
line 'PASS ...' or 'FAIL ...'. Exit status 0 only when every hard rule holds.
Needs Debian's python3-shapely (apt-get install -y python3-shapely).
"""
import argparse, csv, json, math, os, sys
from collections import defaultdict

from shapely.geometry import shape, Polygon, MultiPolygon, LineString, MultiLineString
from shapely.ops import unary_union, transform
import warnings
warnings.filterwarnings("ignore")
from shapely.strtree import STRtree

R = 6371008.8


def local_projector(lon0, lat0):
    k = math.cos(math.radians(lat0))
    def f(x, y, z=None):
        return ((x - lon0) * math.pi / 180 * R * k, (y - lat0) * math.pi / 180 * R)
    return lambda g: transform(f, g)


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["features"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset"); ap.add_argument("result")
    ap.add_argument("--min", type=int, default=300); ap.add_argument("--max", type=int, default=500)
    ap.add_argument("--json")
    a = ap.parse_args()

    comms = load(os.path.join(a.dataset, "communities.geojson"))
    blds = load(os.path.join(a.dataset, "buildings.geojson"))
    bpath = os.path.join(a.dataset, "barriers.geojson")
    bars = load(bpath) if os.path.exists(bpath) else []
    grids = load(os.path.join(a.result, "grids.geojson"))

    allc = unary_union([shape(c["geometry"]) for c in comms])
    c0 = allc.centroid
    P = local_projector(c0.x, c0.y)

    comm = {c["properties"]["code"]: c for c in comms}
    cgeom = {k: P(shape(v["geometry"])) for k, v in comm.items()}
    bgeom, bprops = {}, {}
    for b in blds:
        bid = str(b["properties"]["id"])
        bgeom[bid] = P(shape(b["geometry"]))
        bprops[bid] = b["properties"]

    problems = defaultdict(list)  # rule -> list of messages
    gby_code, gprops = {}, {}
    for g in grids:
        p = g["properties"]
        code = str(p.get("code"))
        if code in gby_code:
            problems["codes_unique"].append(code)
        geom = P(shape(g["geometry"]))
        gby_code[code] = geom
        gprops[code] = p
        ok = isinstance(geom, Polygon) and geom.is_valid and not geom.is_empty
        if isinstance(geom, MultiPolygon) and geom.is_valid:
            # allowed only where the community itself is in several parts, one grid part per community part
            cparts = list(getattr(cgeom.get(str(p.get("community_code"))), "geoms", []))
            hosts = [next((i for i, cp in enumerate(cparts) if cp.buffer(0.5).contains(gp)), None) for gp in geom.geoms]
            ok = None not in hosts and len(set(hosts)) == len(hosts)
        if not ok:
            problems["one_valid_polygon"].append(f"{code}: {geom.geom_type} valid={geom.is_valid}")

    # codes: 15 digits for grids, 18 for micro grids, prefixed by the community code
    for code, p in gprops.items():
        lvl = p.get("level", "grid")
        want = 18 if lvl == "micro" else 15
        if not (code.isdigit() and len(code) == want and code.startswith(str(p.get("community_code")))):
            problems["code_layout"].append(code)

    base = {c: p for c, p in gprops.items() if p.get("level", "grid") == "grid"}

    # assignments
    assigned = {}
    with open(os.path.join(a.result, "assignments.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = row["building_id"]
            if key in assigned:
                problems["each_building_once"].append(f"{key} twice")
            assigned[key] = row["grid_code"]
    per_building = defaultdict(set)
    for key, gc in assigned.items():
        bid = key.split("#", 1)[0]
        per_building[bid].add(gc)
        if gc not in base:
            problems["each_building_once"].append(f"{key} -> unknown grid {gc}")
    missing = [b for b in bgeom if b not in per_building]
    for b in missing:
        problems["each_building_once"].append(f"{b} not assigned")

    # building inside its grid
    for bid, gcs in per_building.items():
        if bid not in bgeom:
            problems["each_building_once"].append(f"{bid} not in dataset"); continue
        if len(gcs) > 1:
            units = bprops[bid].get("units") or []
            hh = bprops[bid].get("households") or 0
            if not units or hh <= a.max:
                problems["building_not_split"].append(f"{bid} in {sorted(gcs)}")
            continue
        gc = next(iter(gcs))
        if gc not in base: continue
        bg = bgeom[bid]
        cc = str(gprops[gc].get("community_code"))
        if bg.area > 0 and cc in cgeom:
            bg = bg.intersection(cgeom[cc])  # a footprint across a community line: only its own part counts
        if bg.area > 0:
            outside = bg.difference(gby_code[gc]).area / bg.area
            if outside > 0.01:
                problems["building_inside_grid"].append(f"{bid} {outside:.1%} outside {gc}")
        elif not gby_code[gc].buffer(0.5).contains(bg):
            problems["building_inside_grid"].append(f"{bid} point outside {gc}")

    # households sum and bounds
    hh_sum = defaultdict(int)
    for key, gc in assigned.items():
        bid, _, unit = key.partition("#")
        if bid not in bprops: continue
        if unit:
            us = {str(u.get("unit")): u.get("households", 0) for u in (bprops[bid].get("units") or [])}
            hh_sum[gc] += int(us.get(unit, 0))
        else:
            hh_sum[gc] += int(bprops[bid].get("households") or 0)
    in_bounds = flagged = urban = 0
    for gc, p in base.items():
        if int(p.get("households", -1)) != hh_sum.get(gc, 0):
            problems["households_sum"].append(f"{gc}: says {p.get('households')} counts {hh_sum.get(gc, 0)}")
        if p.get("kind") == "community":
            urban += 1
            h = hh_sum.get(gc, 0)
            if a.min <= h <= a.max:
                in_bounds += 1
            elif p.get("flags"):
                flagged += 1
            else:
                problems["bounds_or_flagged"].append(f"{gc}: {h} households, no flag")

    # compounds not split
    comp = defaultdict(set); comp_hh = defaultdict(int)
    for bid, pr in bprops.items():
        cid = pr.get("compound_id")
        if cid:
            comp[cid] |= per_building.get(bid, set())
            comp_hh[cid] += int(pr.get("households") or 0)
    split_comp = [c for c, s in comp.items() if len(s) > 1 and comp_hh[c] <= a.max]
    for c in split_comp:
        problems["compound_not_split"].append(f"{c} in {sorted(comp[c])}")

    # coverage and overlap per community
    gby_comm = defaultdict(list)
    for gc, p in base.items():
        gby_comm[str(p.get("community_code"))].append(gc)
    for cc, cg in cgeom.items():
        parts = [gby_code[g] for g in gby_comm.get(cc, [])]
        if not parts:
            problems["coverage"].append(f"{cc}: no grids"); continue
        u = unary_union(parts)
        gap = cg.difference(u).area / cg.area
        spill = u.difference(cg).area / cg.area
        over = (sum(p.area for p in parts) - u.area) / cg.area
        if gap > 1e-4 or spill > 1e-4:
            problems["coverage"].append(f"{cc}: gap {gap:.4%} spill {spill:.4%}")
        if over > 1e-4:
            problems["no_overlap"].append(f"{cc}: overlap {over:.4%}")

    # barrier alignment and compactness
    lines = []
    for b in bars:
        g = P(shape(b["geometry"]))
        lines.extend(g.geoms if isinstance(g, MultiLineString) else [g])
    tree = STRtree(lines) if lines else None
    internal = aligned = 0.0
    pp = []
    for cc, gl in gby_comm.items():
        if cc not in cgeom: continue
        outer = cgeom[cc].boundary.buffer(1.0)
        for g in gl:
            geom = gby_code[g]
            if geom.area > 0 and geom.length > 0:
                pp.append(4 * math.pi * geom.area / geom.length ** 2)
            inner = geom.boundary.difference(outer)
            if inner.is_empty: continue
            internal += inner.length
            if tree is not None:
                near = [l for l in tree.query(inner.buffer(15))]
                if near:
                    zone = unary_union([l.buffer(15) for l in near])
                    aligned += inner.intersection(zone).length
    align = aligned / internal if internal > 0 else 1.0

    hard = ["codes_unique", "one_valid_polygon", "code_layout", "each_building_once",
            "building_not_split", "building_inside_grid", "households_sum", "bounds_or_flagged",
            "compound_not_split", "coverage", "no_overlap"]
    metrics = {
        "communities": len(cgeom), "buildings": len(bgeom), "grids": len(base),
        "urban_grids": urban, "urban_in_bounds": in_bounds, "urban_flagged": flagged,
        "share_in_bounds": round(in_bounds / urban, 4) if urban else None,
        "barrier_alignment": round(align, 4),
        "mean_polsby_popper": round(sum(pp) / len(pp), 4) if pp else None,
        "violations": {k: len(problems[k]) for k in hard},
    }
    for k in hard:
        n = len(problems[k])
        print(f"{'ok  ' if n == 0 else 'FAIL'} {k}: {n}" + ("" if n == 0 else "  e.g. " + "; ".join(problems[k][:3])))
    print(json.dumps(metrics, ensure_ascii=False))
    if a.json:
        with open(a.json, "w") as fh: json.dump(metrics, fh, indent=1)
    bad = sum(len(problems[k]) for k in hard)
    verdict = "PASS" if bad == 0 else "FAIL"
    print(f"{verdict} grids={len(base)} in_bounds={metrics['share_in_bounds']} flagged={flagged} "
          f"alignment={metrics['barrier_alignment']} polsby_popper={metrics['mean_polsby_popper']} violations={bad}")
    sys.exit(0 if bad == 0 else 1)


if __name__ == "__main__":
    main()
