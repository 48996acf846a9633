#!/usr/bin/env bash
# Makes the real-data corpus of docs/grid-quality.md from its OpenStreetMap extracts, delineates every
# dataset and checks it with the independent checker: one line per dataset (exit code, wall time, the
# checker's summary); then reads one of them as planners' files hold it (GBK Shapefiles in EPSG:4528,
# a GeoPackage in EPSG:4549, both made by GDAL) and compares the grids with the lon/lat run's.
# Needs the built jar (README), GDAL's ogr2ogr and python3-shapely.
#   scripts/real_corpus.sh REAL_DATA_DIR OUT_DIR      (e.g. ../shared/data, as GRIDATLAS_REAL_DATA)
# REAL_DATA_DIR holds monaco/ and osm/ with the extracts under the names below (the table of extracts
# in docs/grid-quality.md says where each comes from); it is read in place, never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
real=$(realpath "$1"); osm="$real/osm"; out=$(realpath -m "$2")
jar=map-api/target/gridatlas.jar
mkdir -p "$out/datasets" "$out/grids"
rm -rf "$out/datasets/monaco" && cp -r "$real/monaco" "$out/datasets/monaco"
# name, test district code, options of osm_to_dataset.py
while read -r name district opts; do
  # shellcheck disable=SC2086  # the options are words
  /usr/bin/python3 scripts/osm_to_dataset.py "$osm/$name.osm" "$out/datasets/$name" --district "$district" $opts >/dev/null
done <<'LIST'
beijing-haidian 990201
cau 990202
shenzhen 990203
shu 990204
bupt 990205
lyon 990206 --levels 5 --yes-as apartments
dunedin 990207 --levels 2 --yes-as house --community-households 400
LIST
for ds in "$out"/datasets/*; do
  name=$(basename "$ds")
  rm -rf "$out/grids/$name"
  start=$(date +%s%N)
  rc=0; java -jar "$jar" delineate --input "$ds" --output "$out/grids/$name" >"$out/grids/$name.log" 2>&1 || rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  check=$(/usr/bin/python3 scripts/check_grids.py "$ds" "$out/grids/$name" 2>&1 | tail -1)
  printf '%-16s exit %s  %d.%d s  %s\n' "$name" "$rc" $((ms / 1000)) $((ms % 1000 / 100)) "$check"
done

# the same Beijing dataset as ArcGIS users hold it: GBK Shapefiles in CGCS2000 3-degree zone 40 (with
# the zone number) and a GeoPackage in CGCS2000 3-degree CM 120E; the same grids are expected
src="$out/datasets/beijing-haidian"
shp="$out/files/beijing-haidian-4528"; gpkg="$out/files/beijing-haidian-4549.gpkg"
rm -rf "$shp" "$gpkg"; mkdir -p "$shp"
for layer in communities buildings barriers dedicated; do
  # (GDAL warns that it cuts field names to 10 characters: as ArcGIS does, and as the reader expects)
  ogr2ogr -q -f "ESRI Shapefile" -lco ENCODING=GBK -t_srs EPSG:4528 "$shp/$layer.shp" "$src/$layer.geojson" 2>/dev/null
  ogr2ogr -q -f GPKG -t_srs EPSG:4549 -nln "$layer" $([ -f "$gpkg" ] && echo -update) "$gpkg" "$src/$layer.geojson"
done
for files in "$shp" "$gpkg"; do
  rm -rf "$out/grids/from-files"
  java -jar "$jar" delineate --input "$files" --output "$out/grids/from-files" >"$out/grids/from-files.log" 2>&1 || true
  /usr/bin/python3 - "$out/grids/beijing-haidian/grids.geojson" "$out/grids/from-files/grids.geojson" "$(basename "$files")" <<'PY'
import json, sys
def grids(p):
    try:
        return {f["properties"]["code"]: f["properties"]["households"] for f in json.load(open(p))["features"]}
    except OSError:
        return None
want, got = grids(sys.argv[1]), grids(sys.argv[2])
print("%-30s %s" % (sys.argv[3], "same %d grid codes and households as the lon/lat run" % len(want) if got == want
                     else "DIFFERENT from the lon/lat run: %s" % (got if got is None else sorted(set(got.items()) ^ set(want.items())))))
sys.exit(0 if got == want else 1)
PY
done
