-- title: The annual reports in the database (one row per report folder), oldest first
-- params: none
SELECT report_year, document_id, title, publisher, published, url, seed_file, language, short_name_fr, short_name_en
FROM reports
ORDER BY report_year
