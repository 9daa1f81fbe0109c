-- title: The five measured shoots and their profiles (kind, crew, shooting days, person-days)
-- params: year (int: the report)
SELECT
    project_no,
    kind,
    kind_printed,
    crew,
    shooting_days,
    crew * shooting_days AS person_days,
    source_id,
    quality
FROM carbon_shoots
WHERE report_year = :year AND stage <> 'forecast'
ORDER BY project_no
