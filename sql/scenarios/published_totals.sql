-- title: Totals of the three published shooting-day scenarios (100, 50 and 25 %)
-- params: year (int: the report)
SELECT share_bp, days, days_spend_cents, complement_cents, total_cents, source_id, quality, note
FROM scenario_published_totals
WHERE report_year = :year
ORDER BY share_bp DESC
