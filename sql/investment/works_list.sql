-- title: The selected co-produced works of the report with every column
-- params: year (int), sectors (list), work_types (list), origins (list), roles (list)
SELECT
    work_id, title, sector, work_type, origin, depositary_company, directors, coproduction_role,
    coproduction_printed, investment_cents, walloon_spend_cents, ratio_printed_bp, source_id, quality, note
FROM works
WHERE report_year = :year
    AND sector IN :sectors
    AND work_type IN :work_types
    AND origin IN :origins
    AND coproduction_role IN :roles
ORDER BY work_id
