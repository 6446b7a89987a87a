"""Step 1, read: the workbook file checked, its sheets read into the typed model (`read.sheets.read_workbook`).
"""
