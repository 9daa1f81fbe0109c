-- title: Every source document and section, with its report's short names when the document is a report
-- params: none
SELECT
    s.source_id, s.document_id, s.document_title, s.document_kind, s.section, s.section_en, s.locator, s.seed_file, s.url,
    s.publisher, s.published, s.note, r.short_name_fr, r.short_name_en
FROM sources AS s
LEFT JOIN reports AS r ON r.document_id = s.document_id
ORDER BY s.source_id
