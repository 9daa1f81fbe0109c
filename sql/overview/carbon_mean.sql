-- title: Mean carbon footprint of the measured shoots
-- source: B24-2.2.6
-- params: none
SELECT stated_tco2e, lower_tco2e, upper_tco2e, projects_count, quality, source_id
FROM carbon_footprints
WHERE relation = 'mean'
