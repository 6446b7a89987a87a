"""Two revisions of a workbook compared (`lkjip diff`).
"""
