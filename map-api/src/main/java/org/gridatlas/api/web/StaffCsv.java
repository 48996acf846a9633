package org.gridatlas.api.web;

import java.io.IOException;
import java.util.List;
import org.gridatlas.api.serving.ServingState;
import org.gridatlas.engine.errors.InputException;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.StaffMember;

/** Staff CSV import for the command line: the same checks as the API, against the store's grids. */
public final class StaffCsv {
    private StaffCsv() {}

    public static int importInto(GridStore store, java.io.InputStream csv) throws IOException {
        ServingState s = new ServingState(store.load(), List.of(), List.of());
        List<StaffMember> staff;
        try {
            staff = StaffResource.parse(new LineReader(csv, RequestBodies.LIST_LINE), s);
        } catch (ApiError e) {
            throw new InputException(null, e.getMessage(), e);
        }
        store.replaceStaff(staff);
        return staff.size();
    }
}
