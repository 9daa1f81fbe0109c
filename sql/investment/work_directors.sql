-- title: Directors of one work
-- source: B24-2.2.2.1; B24-3.2.2.1; B24-1.2.3
-- params: year (int: the report), work_id (int)
SELECT ordinal, director_name, source_id, quality
FROM work_directors
WHERE report_year = :year AND work_id = :work_id
ORDER BY ordinal
