"""The page of every report: A4, margins in twips (1/1440 inch), and the text width they leave.

A base module: `layout` measures tables against it, `ooxml` writes the sections with it.
"""

PAGE_W, PAGE_H = 11906, 16838
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 1701, 1134, 1418, 1418
TEXT_W_PORTRAIT = PAGE_W - MARGIN_L - MARGIN_R
TEXT_W_LANDSCAPE = PAGE_H - MARGIN_L - MARGIN_R
