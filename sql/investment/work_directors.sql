-- title: Directors of one work
-- params: year (int: the report), work_id (int)
SELECT ordinal, director_name, source_id, quality
FROM work_directors
WHERE report_year = :year AND work_id = :work_id
ORDER BY ordinal
