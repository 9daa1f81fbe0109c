-- title: Every detailed report's co-produced works in total, by report year (the detailed years of the by-year chart)
-- params: none
SELECT
    w.report_year,
    r.title AS report_title,
    COUNT(*) AS works,
    CAST(SUM(w.investment_cents) AS BIGINT) AS investment_cents,
    CAST(SUM(w.walloon_spend_cents) AS BIGINT) AS walloon_spend_cents,
    MIN(w.source_id) AS source_id
FROM works AS w
JOIN reports AS r ON r.report_year = w.report_year
GROUP BY w.report_year, r.title
ORDER BY w.report_year
