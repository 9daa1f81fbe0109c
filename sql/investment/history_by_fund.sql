-- title: Yearly and multi-year figures of Wallimage and peer funds (HISTORY.md and the reports)
-- params: funds (list), scopes (list)
SELECT
    row_id, fund, period_start, period_end, period_label, scope, works, works_printed,
    invested_cents, invested_lower_cents, invested_upper_cents, invested_printed,
    spend_cents, spend_lower_cents, spend_upper_cents, spend_printed,
    ratio_bp, ratio_lower_bp, ratio_upper_bp, ratio_printed, ratio_quality, quality, source_id, note
FROM history
WHERE fund IN :funds AND scope IN :scopes
ORDER BY fund, period_start, period_end, row_id
