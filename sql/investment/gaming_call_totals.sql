-- title: Wallimage Gaming 2024 call, printed totals (separate programme)
-- source: B24-4.2.2
-- params: none
SELECT projects, investment_cents, walloon_spend_cents, ratio_printed_bp, source_id, quality
FROM gaming_call_2024_totals
