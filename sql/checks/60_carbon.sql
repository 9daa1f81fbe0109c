-- Reconciliation rules for the per-shoot carbon footprints (columns and `__half` tolerances: see
-- dashboard/data/checks.py).

-- A result's categories add up to its total within rounding: the total may differ from the sum of its
-- categories by half a unit of its own last digit plus half a unit of each category's. Only results
-- with both a total and categories are checked (a total alone, or no per-shoot total, checks nothing).
SELECT s.report_year, 'carbon_shoots:' || s.project_no || ':' || s.stage || ':total_tco2e' AS check_key,
    'carbon_shoots.csv, shoot ' || s.project_no || ' (' || s.stage || '), total vs the sum of its categories in carbon_shoot_categories.csv'
    AS description, 'n' AS unit,
    s.total_tco2e AS printed, SUM(c.tco2e) AS computed,
    s.total_tco2e__half + SUM(c.tco2e__half) AS tolerance
FROM carbon_shoots s
JOIN carbon_shoot_categories c
    ON c.report_year = s.report_year AND c.project_no = s.project_no AND c.stage = s.stage
GROUP BY s.report_year, s.project_no, s.stage, s.total_tco2e, s.total_tco2e__half;
