-- title: Carbon and certification facts (green managers, certification, shares of emissions)
-- source: B24-2.2.6; B24-0.1
-- params: topic (text)
SELECT fact_id, fact_value, unit, lower_value, upper_value, quality, source_id, label_fr, label_en, note
FROM facts
WHERE topic = :topic
ORDER BY fact_id
