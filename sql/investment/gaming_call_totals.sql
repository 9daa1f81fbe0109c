-- title: Wallimage Gaming call of the report's year, printed totals (separate programme)
-- params: year (int: the report)
SELECT projects, investment_cents, walloon_spend_cents, ratio_printed_bp, source_id, quality
FROM gaming_call_totals
WHERE report_year = :year
