-- title: Co-production totals of a year (works, invested, Walloon spend)
-- params: year
SELECT
    COUNT(*) AS works,
    CAST(SUM(investment_cents) AS BIGINT) AS investment_cents,
    CAST(SUM(walloon_spend_cents) AS BIGINT) AS walloon_spend_cents
FROM works
WHERE report_year = :year
