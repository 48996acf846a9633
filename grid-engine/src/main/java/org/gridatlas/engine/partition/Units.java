package org.gridatlas.engine.partition;

import java.util.List;
import org.locationtech.jts.geom.Polygon;

/** The units of one level of detail: their graph, and the faces and atoms of each unit (by unit number). */
record Units(UnitGraph graph, List<List<Polygon>> faces, List<List<Atom>> atoms) {}
