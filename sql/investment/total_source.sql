-- title: The section that prints the report's total of all its works (the outermost one, when several do)
-- params: year (int: the report)
SELECT source_id
FROM report_aggregates
WHERE report_year = :year
    AND row_key = 'total'
    AND filter_sector = '*'
    AND filter_work_type = '*'
    AND filter_origin = '*'
ORDER BY LENGTH(source_id), source_id
LIMIT 1
