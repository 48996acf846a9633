-- Roads and rivers keep their names (文化路, 汤河) for the map's labels.
ALTER TABLE barriers ADD COLUMN name text;
