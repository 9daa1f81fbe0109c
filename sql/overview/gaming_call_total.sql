-- title: Wallimage Gaming call of the report's year: invested and committed Walloon spend
-- source: B24-4.2.2
-- params: year (int: the report)
SELECT projects, investment_cents, walloon_spend_cents, ratio_printed_bp, source_id, quality
FROM gaming_call_totals
WHERE report_year = :year
