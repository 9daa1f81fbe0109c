-- title: Total number of inconsistencies recorded, and how many concern a printed total the build checks
-- params: year (int: the report)
SELECT
    COUNT(*) AS discrepancies,
    SUM(CASE WHEN check_keys IS NOT NULL AND check_keys <> '' THEN 1 ELSE 0 END) AS checked_by_build
FROM discrepancies
WHERE report_year = :year
