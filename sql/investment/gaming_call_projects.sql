-- title: Wallimage Gaming call of the report's year, the seven supported games (separate programme)
-- params: year (int: the report)
SELECT ordinal, project, company, investment_cents, walloon_spend_cents, ratio_printed_bp, source_id, quality
FROM gaming_call
WHERE report_year = :year
ORDER BY ordinal
