-- title: Co-production totals of the selected works of the report (count, invested, Walloon spend)
-- params: year (int), sectors (list), work_types (list), origins (list), roles (list)
SELECT
    COUNT(*) AS works,
    CAST(COALESCE(SUM(investment_cents), 0) AS BIGINT) AS investment_cents,
    CAST(COALESCE(SUM(walloon_spend_cents), 0) AS BIGINT) AS walloon_spend_cents
FROM works
WHERE report_year = :year
    AND sector IN :sectors
    AND work_type IN :work_types
    AND origin IN :origins
    AND coproduction_role IN :roles
