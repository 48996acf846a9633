-- Grid chiefs and workers (网格长 / 网格员), replaced as a whole by each staff import.
CREATE TABLE staff (
    grid_code text NOT NULL,
    role      text NOT NULL CHECK (role IN ('chief', 'worker')),
    name      text NOT NULL,
    phone     text
);
CREATE INDEX staff_grid ON staff (grid_code);
