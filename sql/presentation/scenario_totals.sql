-- title: The three published shooting-day scenarios (25, 50 and 100 %): days and totals
-- params: year (int: the report)
SELECT share_bp, days, days_spend_cents, complement_cents, total_cents, source_id, quality
FROM scenario_published_totals
WHERE report_year = :year
ORDER BY share_bp
