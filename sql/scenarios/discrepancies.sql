-- title: Internal inconsistencies of the report on one topic
-- params: year (int: the report), topic (text)
SELECT discrepancy_id, value_a, source_a, value_b, source_b, description_fr, description_en, shown_fr, shown_en
FROM discrepancies
WHERE report_year = :year AND topic = :topic
ORDER BY discrepancy_id
