-- title: Works initiated in France that the report lists under a heading also holding works initiated elsewhere
-- note: the report's origin tables count them as initiated in France, and so does this dashboard
-- params: year (int: the report)
SELECT COUNT(*) AS works
FROM works w
WHERE w.report_year = :year AND w.origin = 'france'
    AND EXISTS (
        SELECT 1
        FROM report_aggregates a
        WHERE a.report_year = w.report_year
            AND a.filter_origin LIKE '%|%'
            AND '|' || a.filter_origin || '|' LIKE '%|france|%'
            AND a.filter_sector IN (w.sector, '*')
            AND a.filter_work_type IN (w.work_type, '*')
    )
