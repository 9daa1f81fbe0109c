-- title: Categories of the average breakdown by post (chart of the report, no values)
-- params: year (int: the report)
SELECT ordinal AS chart_order, post, 'carbon_post_' || post AS post_label_key, label_printed, most_impactful,
    source_id, quality, note
FROM carbon_posts
WHERE report_year = :year
ORDER BY ordinal
