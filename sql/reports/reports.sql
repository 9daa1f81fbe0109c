-- title: The annual reports in the database (one row per report folder), oldest first
-- source: every report's report.csv (document title, publisher, publication date, address)
-- params: none
SELECT report_year, document_id, title, publisher, published, url, seed_file, language
FROM reports
ORDER BY report_year
