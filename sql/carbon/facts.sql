-- title: Carbon and certification facts (green managers, certification, shares of emissions)
-- params: year (int: the report), topic (text)
SELECT fact_id, fact_value, unit, lower_value, upper_value, quality, source_id, label_fr, label_en, note
FROM facts
WHERE report_year = :year AND period_year = :year AND topic = :topic
ORDER BY fact_id
