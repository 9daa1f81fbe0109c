"""Intake of an annual report from an Excel workbook, on the build side of the data flow.

`python -m dashboard.intake template|export|check|import` (see __main__.py). The workbook is
generated from one description of the tables (sheets.py: the schema, the codes of seeds_io.ENUMS
and the CSV naming rules); a workbook is read back into the seed CSV form of a report folder
(cells.py, workbook.py) and checked by the build's own validation and declared reconciliation rules,
every problem collected and mapped back to its sheet and cell (check.py). Nothing here imports the
dashboard's pages or Streamlit; the intake app (intake_app.py at the repository root) does.
"""
