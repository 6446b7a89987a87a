"""Run by tests/gabung/test_gabung.py with a Python that has `uno`: open a recap in LibreOffice Calc, list its database
ranges (the Excel tables), filter one table through its own filter, write what stays visible (JSON).

    calc_filter_uno.py RECAP.xlsx PIPE OUT.json SHEET COLUMN VALUE
"""

import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.FilterOperator import EQUAL


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - LibreOffice is still starting
            time.sleep(0.1)
    sys.exit("LibreOffice tidak menjawab")


def main():
    src, pipe, out_path, sheet_name, column, value = sys.argv[1:7]
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    sheets = list(doc.Sheets.ElementNames)
    out = {"sheets": sheets, "ranges": {}}
    dbr = doc.DatabaseRanges
    for name in dbr.ElementNames:
        area = dbr.getByName(name).DataArea
        out["ranges"][name] = {"autofilter": bool(dbr.getByName(name).AutoFilter), "sheet": area.Sheet,
                               "rows": area.EndRow - area.StartRow + 1, "cols": area.EndColumn + 1}
    sheet = doc.Sheets.getByName(sheet_name)
    head = [sheet.getCellByPosition(c, 0).getString() for c in range(60)]
    col = head.index(column)
    name = next(n for n in dbr.ElementNames if dbr.getByName(n).DataArea.Sheet == sheets.index(sheet_name))
    table = dbr.getByName(name)
    descriptor = table.getFilterDescriptor()
    field = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
    field.Field, field.Operator, field.IsNumeric, field.StringValue = col, EQUAL, False, value
    descriptor.FilterFields = (field,)
    table.refresh()  # the table's own filter, as a user's choice in its header would set it
    area = table.DataArea
    visible = [row for row in range(area.StartRow + 1, area.EndRow + 1) if sheet.getRows().getByIndex(row).IsVisible]
    out["visible"] = [sheet.getCellByPosition(2, row).getString() for row in visible]
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    doc.close(True)


main()
# Straight out, without the interpreter's teardown: finalizing pyuno while its bridge threads still run can
# crash the process (SIGSEGV, seen once in ~8 suite runs) after the work is done and written.
sys.stdout.flush()
sys.stderr.flush()
os._exit(0)
