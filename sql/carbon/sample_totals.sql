-- title: Size of the carbon sample (projects, shooting days, person-days), by kind and overall
-- note: the row with kind 'whole_sample' is the whole sample
-- params: year (int: the report)
SELECT
    kind,
    COUNT(*) AS projects,
    CAST(SUM(shooting_days) AS BIGINT) AS shooting_days,
    CAST(SUM(crew * shooting_days) AS BIGINT) AS person_days
FROM carbon_shoots
WHERE report_year = :year AND stage <> 'forecast'
GROUP BY kind
UNION ALL
SELECT
    'whole_sample' AS kind,
    COUNT(*) AS projects,
    CAST(SUM(shooting_days) AS BIGINT) AS shooting_days,
    CAST(SUM(crew * shooting_days) AS BIGINT) AS person_days
FROM carbon_shoots
WHERE report_year = :year AND stage <> 'forecast'
ORDER BY projects DESC, kind
