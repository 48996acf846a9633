-- A grid's forces by department (三网合一): roles beyond chief and worker, the department each
-- belongs to, and the party branch (网格党支部) the grid belongs to.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('chief', 'worker', 'police_officer', 'city_officer', 'party_secretary', 'housing_officer'));
ALTER TABLE staff ADD COLUMN department text;
ALTER TABLE staff ADD COLUMN branch text;
UPDATE staff SET department = '综治';
ALTER TABLE staff ALTER COLUMN department SET NOT NULL;
