package org.gridatlas.api.web;

import org.gridatlas.engine.model.GridKind;

/**
 * How many grid workers a grid needs: residents estimated from households (2.62 persons per
 * household, China's 2020 census average), one worker per ~1,000 urban or ~600 rural residents.
 */
public record StaffingRule(double personsPerHousehold, int urbanResidentsPerWorker, int ruralResidentsPerWorker) {
    public static final StaffingRule DEFAULT = new StaffingRule(2.62, 1000, 600);

    public int residents(int households) {
        return (int) Math.round(households * personsPerHousehold);
    }

    public int workersNeeded(GridKind kind, int households) {
        int per = kind == GridKind.RURAL ? ruralResidentsPerWorker : urbanResidentsPerWorker;
        return households == 0 ? 0 : Math.max(1, (int) Math.ceil((double) residents(households) / per));
    }
}
