-- title: Co-producing countries of one work and their shares
-- params: year (int: the report), work_id (int)
SELECT ordinal, country, share_bp, source_id, quality
FROM work_countries
WHERE report_year = :year AND work_id = :work_id
ORDER BY share_bp DESC, ordinal
