-- title: Mean carbon footprint of the measured shoots
-- params: year (int: the report)
SELECT stated_tco2e, lower_tco2e, upper_tco2e, projects_count, quality, source_id
FROM carbon_footprints
WHERE report_year = :year AND relation = 'mean'
