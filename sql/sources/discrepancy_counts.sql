-- title: Number of inconsistencies by topic, and how many concern a printed total the build checks
-- params: year (int: the report)
-- note: checked_by_build counts rows whose check_keys name reconciliation checks of the build.
SELECT
    topic,
    COUNT(*) AS discrepancies,
    SUM(CASE WHEN check_keys IS NOT NULL AND check_keys <> '' THEN 1 ELSE 0 END) AS checked_by_build
FROM discrepancies
WHERE report_year = :year
GROUP BY topic
ORDER BY COUNT(*) DESC, topic
