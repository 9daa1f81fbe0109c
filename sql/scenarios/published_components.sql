-- title: Components by project type of the three published shooting-day scenarios, as printed
-- params: year (int: the report)
SELECT share_bp, project_type, days, per_day_printed_millieur, days_spend_cents, complement_cents, total_cents,
    source_id, quality
FROM scenario_published
WHERE report_year = :year
ORDER BY share_bp DESC, days_spend_cents DESC, project_type
