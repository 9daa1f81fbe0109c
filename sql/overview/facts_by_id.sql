-- title: Scalar facts (headline KPIs, envelopes, carbon, gaming) by id
-- params: year (int: the report), fact_ids (list)
SELECT fact_id, topic, fact_value, unit, lower_value, upper_value, quality, source_id, label_fr, label_en, note
FROM facts
WHERE report_year = :year AND period_year = :year AND fact_id IN :fact_ids
ORDER BY fact_id
