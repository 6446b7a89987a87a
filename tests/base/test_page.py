"""generator/base/page.py: A4 and the report's margins, in twips, and the text width they leave."""

from generator.base.page import MARGIN_L, MARGIN_R, PAGE_H, PAGE_W, TEXT_W_LANDSCAPE, TEXT_W_PORTRAIT

TWIPS_PER_CM = 1440 / 2.54


def test_a4_with_the_margins_of_the_report():
    assert (round(PAGE_W / TWIPS_PER_CM, 1), round(PAGE_H / TWIPS_PER_CM, 1)) == (21.0, 29.7)
    assert (round(MARGIN_L / TWIPS_PER_CM, 1), round(MARGIN_R / TWIPS_PER_CM, 1)) == (3.0, 2.0)
    assert round(TEXT_W_PORTRAIT / TWIPS_PER_CM, 1) == 16.0
    assert round(TEXT_W_LANDSCAPE / TWIPS_PER_CM, 1) == 24.7
