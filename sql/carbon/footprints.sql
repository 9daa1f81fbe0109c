-- title: Footprint statements of the carbon sample, with their bounds
-- note: the report never says which footprint belongs to which shoot
-- params: year (int: the report)
SELECT statement_id, projects_count, relation, stated_tco2e, lower_tco2e, upper_tco2e, bound_rule, source_id,
    quality, note
FROM carbon_footprints
WHERE report_year = :year
ORDER BY CASE relation WHEN 'mean' THEN 1 ELSE 0 END, stated_tco2e DESC
