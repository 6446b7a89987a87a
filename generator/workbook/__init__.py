"""Workbooks lkjip writes: the blank standard workbook (`blank`) and next year's from last year's (`tahun_baru`).
"""
