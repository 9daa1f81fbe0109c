-- title: Walloon spend per shooting day for some work types
-- params: year (int: the report), work_types (list)
SELECT work_type, total_per_day_cents, av_eligible_cents, non_av_cents, cofinanced_projects, source_id, quality
FROM shooting_spend_per_day
WHERE report_year = :year AND work_type IN :work_types
ORDER BY work_type
