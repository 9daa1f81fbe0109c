-- title: Recorded inconsistencies of the report about the co-produced works
-- params: year (int: the report)
SELECT discrepancy_id, value_a, source_a, value_b, source_b, description_fr, description_en, shown_fr, shown_en, check_keys
FROM discrepancies
WHERE report_year = :year AND topic = 'works'
ORDER BY discrepancy_id
