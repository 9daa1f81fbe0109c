-- title: Co-producing countries of one work and their shares
-- source: B24-2.2.2.1; B24-3.2.2.1; B24-1.2.3
-- params: year (int: the report), work_id (int)
SELECT ordinal, country, share_bp, source_id, quality
FROM work_countries
WHERE report_year = :year AND work_id = :work_id
ORDER BY share_bp DESC, ordinal
