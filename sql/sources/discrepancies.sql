-- title: Inconsistencies found in the sources, with both values and both places
-- params: year (int: the report)
-- note: topics with the most inconsistencies first, as in sources/discrepancy_counts.
SELECT
    d.discrepancy_id,
    d.topic,
    d.value_a,
    d.source_a,
    d.value_b,
    d.source_b,
    d.description_fr,
    d.description_en,
    d.shown_fr,
    d.shown_en,
    d.check_keys
FROM discrepancies AS d
WHERE d.report_year = :year
ORDER BY (SELECT COUNT(*) FROM discrepancies AS same WHERE same.topic = d.topic) DESC, d.topic, d.discrepancy_id
