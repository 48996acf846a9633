package org.gridatlas.store;

import java.util.List;
import org.gridatlas.engine.model.DepartmentResource;
import org.gridatlas.engine.model.DepartmentUnit;

/**
 * Other departments' layers, by name: each import replaces a layer whole, in one transaction, as
 * its next version; every import is listed. A name keeps the kind it was first imported with.
 */
public interface DepartmentStore {
    /** Replaces the units of layer {@code name}; returns the new version's record. */
    DepartmentLayerInfo replaceUnits(String name, List<DepartmentUnit> units, String source);

    /** Replaces the resources of layer {@code name}; returns the new version's record. */
    DepartmentLayerInfo replaceResources(String name, List<DepartmentResource> resources, String source);

    /** The current version of every layer, by name. */
    List<DepartmentLayerInfo> departmentLayers();

    List<DepartmentUnit> units(String name);

    List<DepartmentResource> resources(String name);
}
