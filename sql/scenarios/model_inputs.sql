-- title: Inputs of the shooting-day scenario model by project type (days, spend per day, complement)
-- note: measured types take their spend per day from shooting_spend_per_day; flat types use 500 € per day
-- params: year (int: the report)
SELECT
    i.project_type,
    a.shooting_days,
    a.days_cofinanced,
    i.attributable_days,
    i.rate_basis,
    s.total_per_day_cents,
    s.av_eligible_cents,
    s.non_av_cents,
    s.cofinanced_projects AS measured_projects,
    i.flat_rate_cents,
    i.complement_non_av_cents,
    i.source_id
FROM scenario_inputs i
JOIN shooting_activity a ON a.report_year = i.report_year AND a.project_type = i.project_type
LEFT JOIN shooting_spend_per_day s ON s.report_year = i.report_year AND s.work_type = i.measured_work_type
WHERE i.report_year = :year
ORDER BY i.attributable_days DESC, i.project_type
