#!/usr/bin/python3
"""Turns an OpenStreetMap extract (.osm, read through GDAL's ogr2ogr) into a dataset in the layout
of docs/DATA.md: buildings with estimated households, barriers, campuses, and communities made
from the extract's blocks.

    /usr/bin/python3 scripts/osm_to_dataset.py EXTRACT.osm OUTDIR --district 990201 [--levels 6] [--yes-as apartments|house]

Needs Debian's gdal-bin (ogr2ogr) and python3-shapely. The same extract always gives the same
dataset. What is estimated, not observed (write it next to the data):

- households: footprint area x floors (building:levels, else --levels) x 0.8 / 90 m2 for
  apartment-like buildings (apartments, residential, dormitory, and `building=yes` inside a
  residential landuse, or everywhere with --yes-as apartments); 1 for a house; 0 otherwise.
- communities: the extract's box cut by its major roads into blocks; neighbouring blocks (sharing
  at least 20 m of edge) are joined, smallest first, until each community holds about
  --community-households households. Codes are test codes: district (6 digits, 99xxxx), street
  001, community 001, 002, ...
- compounds: `landuse=residential` polygons up to 20 ha; a building whose centre lies in one belongs
  to it (one crossing a community boundary is a compound on each side).
- campuses: universities, colleges, schools, kindergartens and hospitals at least half inside the
  extract and lying at least 90% in one community, clipped to it.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

from shapely.geometry import box, mapping, shape, Polygon, MultiPolygon
from shapely.ops import polygonize, transform, unary_union
from shapely.validation import make_valid

MAJOR = {"motorway", "trunk", "primary", "secondary", "tertiary"}
MINOR = {"unclassified", "residential", "service", "living_street", "road"}
PATH = {"footway", "path", "cycleway", "steps", "pedestrian", "track"}
FLATS = {"apartments", "residential", "dormitory"}
HOUSES = {"house", "detached", "semidetached_house", "bungalow", "terrace"}
USES = {"commercial": "commercial", "retail": "commercial", "office": "commercial", "hotel": "commercial",
        "industrial": "enterprise", "warehouse": "enterprise", "school": "school", "university": "school",
        "college": "school", "kindergarten": "school", "hospital": "hospital", "public": "institution",
        "government": "institution", "civic": "institution"}
CAMPUS = {"university": "school", "college": "school", "school": "school", "kindergarten": "school", "hospital": "hospital"}


def ogr_layer(osm, layer):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, layer + ".geojson")
        # extracts saved by other tools need not list nodes in id order
        subprocess.run(["ogr2ogr", "-q", "--config", "OSM_USE_CUSTOM_INDEXING", "NO", "-f", "GeoJSON", out, osm, layer], check=True)
        with open(out, encoding="utf-8") as f:
            return json.load(f)["features"]


def tags(props):
    """The feature's tags: its own columns plus GDAL's other_tags ("k"=>"v", ...)."""
    t = {k: v for k, v in props.items() if v is not None and k != "other_tags"}
    other = props.get("other_tags") or ""
    for part in other.split('","'):
        if "=>" in part:
            k, v = part.split("=>", 1)
            t[k.strip('"')] = v.strip('"')
    return t


def local_metres(geom):
    """An equirectangular projection around the extract: areas and lengths within a fraction of a percent."""
    lon0, lat0 = geom.centroid.x, geom.centroid.y
    k = math.cos(math.radians(lat0))
    return lambda g: transform(lambda x, y, z=None: ((x - lon0) * 111320.0 * k, (y - lat0) * 110540.0), g)


def polygonal(g):
    g = make_valid(g)
    if g.geom_type == "GeometryCollection":
        g = unary_union([p for p in g.geoms if p.geom_type in ("Polygon", "MultiPolygon")])
    return g if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty else None


def households(t, area_m2, in_residential, args):
    b = t.get("building", "yes")
    if b in HOUSES:
        return 1, "residential"
    flats = b in FLATS or (b == "yes" and (in_residential or args.yes_as == "apartments"))
    if b == "yes" and args.yes_as == "house" and not flats:
        return 1, "residential"
    if flats:
        try:
            levels = max(1.0, float(t.get("building:levels", "").split(";")[0]))
        except ValueError:
            levels = args.levels
        return max(1, round(area_m2 * levels * 0.8 / 90.0)), "residential"
    return 0, USES.get(b, "other")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("osm")
    ap.add_argument("out")
    ap.add_argument("--district", required=True, help="6-digit test district code, e.g. 990201")
    ap.add_argument("--district-name", default="test district")
    ap.add_argument("--levels", type=float, default=6, help="floors of an apartment building without building:levels")
    ap.add_argument("--yes-as", choices=["apartments", "house", "landuse"], default="landuse",
                    help="what building=yes is outside non-residential uses: apartments, a house, or apartments only inside residential landuse")
    ap.add_argument("--community-households", type=int, default=1500)
    args = ap.parse_args()

    polys = ogr_layer(args.osm, "multipolygons")
    lines = ogr_layer(args.osm, "lines")
    with open(args.osm, encoding="utf-8") as f:
        head = f.read(4096)
    b = head[head.index("<bounds"):head.index("/>", head.index("<bounds"))]
    num = lambda k: float(b.split(k + '="')[1].split('"')[0])
    frame = box(num("minlon"), num("minlat"), num("maxlon"), num("maxlat"))
    metres = local_metres(frame)

    # barriers
    barriers, cuts = [], [frame.exterior]
    for f in lines:
        t, g = tags(f["properties"]), shape(f["geometry"]).intersection(frame)
        if g.is_empty or g.geom_type not in ("LineString", "MultiLineString"):
            continue
        if "highway" in t:
            h = t["highway"].replace("_link", "")
            cls = "major" if h in MAJOR else "minor" if h in MINOR else "path" if h in PATH else None
            if cls is None:
                continue
            barriers.append(("road", cls, g))
            if h in MAJOR:
                cuts.append(g)
        elif t.get("waterway") in ("river", "canal", "stream", "drain"):
            barriers.append(("river", "major" if t["waterway"] in ("river", "canal") else "minor", g))
            if t["waterway"] in ("river", "canal"):
                cuts.append(g)
        elif t.get("railway") in ("rail", "light_rail", "subway", "tram") and t.get("tunnel") != "yes":
            barriers.append(("railway", "major", g))
        elif t.get("barrier") in ("wall", "fence"):
            barriers.append(("wall", "minor", g))

    # compounds, campuses, buildings
    residential, campuses, buildings = [], [], []
    for f in polys:
        t = tags(f["properties"])
        whole = shape(f["geometry"]) if f["geometry"] else None
        g = polygonal(whole.intersection(frame)) if whole is not None else None
        if g is None:
            continue
        oid = f["properties"].get("osm_way_id") or f["properties"].get("osm_id")
        if t.get("landuse") == "residential" and metres(g).area <= 200_000:
            residential.append((oid, t.get("name"), g))  # a compound (小区); larger ones are whole suburbs
        kind = CAMPUS.get(t.get("amenity", "")) or ("school" if t.get("landuse") == "education" else None)
        # a campus mostly outside the extract is a neighbour's: its edge inside would be a sliver grid
        if kind and "building" not in t and g.area >= 0.5 * whole.area:
            campuses.append((oid, t.get("name"), kind, g))
        if "building" in t and t["building"] != "no":
            buildings.append((oid, t, g))
    buildings.sort(key=lambda x: x[0])

    out_buildings = []
    for oid, t, g in buildings:
        c = g.representative_point()
        compound = next(((rid, name) for rid, name, r in residential if r.contains(c)), (None, None))
        hh, use = households(t, metres(g).area, compound[0] is not None, args)
        if isinstance(g, MultiPolygon):
            g = max(g.geoms, key=lambda p: p.area)
        out_buildings.append({"id": "w" + str(oid), "households": hh, "use": use, "compound_id": compound[0] and "r" + str(compound[0]),
                              "floors": None, "address": None, "geometry": g, "centre": c})

    # blocks between major roads, joined into communities of about --community-households
    blocks = [p for p in polygonize(unary_union(cuts)) if p.within(frame.buffer(1e-9)) and metres(p).area > 100]
    blocks.sort(key=lambda p: (round(-p.centroid.y, 6), round(p.centroid.x, 6)))
    hh = [sum(x["households"] for x in out_buildings if p.contains(x["centre"])) for p in blocks]
    group = list(range(len(blocks)))

    def root(i):
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    def shared(a, b):
        return metres(a.boundary.intersection(b.boundary)).length if a.distance(b) < 1e-7 else 0

    while True:
        members = {}
        for i in range(len(blocks)):
            members.setdefault(root(i), []).append(i)
        shapes = {r: unary_union([blocks[i] for i in m]) for r, m in members.items()}
        load = {r: sum(hh[i] for i in m) for r, m in members.items()}
        small = sorted((r for r in members if load[r] < args.community_households), key=lambda r: (load[r], r))
        merged = False
        for r in small:
            best = max(((shared(shapes[r], shapes[o]), -load[o], o) for o in members if o != r), default=None)
            if best and best[0] >= 20:
                group[r] = best[2]
                merged = True
                break
        if not merged:
            break

    communities = []
    for n, (r, g) in enumerate(sorted(shapes.items(), key=lambda e: (round(-e[1].centroid.y, 6), e[1].centroid.x)), start=1):
        g = polygonal(g)
        if g is None or not any(g.contains(x["centre"]) for x in out_buildings):
            continue
        code = args.district + "001" + "%03d" % n
        communities.append({"code": code, "name": "community %d" % n, "kind": "urban", "street_code": args.district + "001",
                            "street_name": "street 1", "district_code": args.district, "district_name": args.district_name, "geometry": g})

    kept = []
    for x in out_buildings:
        c = next((c for c in communities if c["geometry"].contains(x["centre"])), None)
        if c is None:
            continue
        if x["compound_id"]:
            x["compound_id"] += "@" + c["code"][-3:]
        kept.append(x)
    dedicated = []
    for oid, name, kind, g in campuses:
        for c in communities:
            inside = g.intersection(c["geometry"])
            if not inside.is_empty and inside.area >= 0.9 * g.area:
                part = polygonal(inside)
                if isinstance(part, MultiPolygon):
                    part = max(part.geoms, key=lambda p: p.area)
                if part is not None:
                    dedicated.append({"id": "c" + str(oid), "name": name, "kind": kind, "geometry": part})
                break

    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "communities.geojson"), communities)
    write(os.path.join(args.out, "buildings.geojson"), [{k: v for k, v in x.items() if k != "centre"} for x in kept])
    write(os.path.join(args.out, "barriers.geojson"), [{"kind": k, "class": c, "geometry": g} for k, c, g in barriers])
    write(os.path.join(args.out, "dedicated.geojson"), dedicated)
    print("%s: %d communities, %d buildings, %d households, %d barriers, %d campuses" % (
        args.out, len(communities), len(kept), sum(x["households"] for x in kept), len(barriers), len(dedicated)))


def write(path, rows):
    features = [{"type": "Feature", "properties": {k: v for k, v in r.items() if k != "geometry"},
                 "geometry": mapping(r["geometry"])} for r in rows]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
