-- title: Every source document and section
-- source: sources table (built from dashboard/data/seeds/sources.csv)
-- params: none
SELECT source_id, document_id, document_title, section, locator, seed_file, url, publisher, published, note
FROM sources
ORDER BY source_id
