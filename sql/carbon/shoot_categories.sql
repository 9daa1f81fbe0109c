-- title: Carbon footprint of each shoot and calculator result by category
-- params: year (int: the report)
SELECT report_year, project_no, stage, category, tco2e, lower_tco2e, upper_tco2e, source_id, quality
FROM carbon_shoot_categories
WHERE report_year = :year
ORDER BY project_no, stage, category
