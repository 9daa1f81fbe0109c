-- title: Wallimage Gaming agreements in effect, by phase (separate programme)
-- params: year (int: the report)
SELECT phase, agreements, committed_cents, validated_spend_cents, ratio_printed_bp, source_id, quality, note
FROM gaming_agreement_totals
WHERE report_year = :year
ORDER BY CASE phase WHEN 'all' THEN 2 ELSE 1 END, phase
