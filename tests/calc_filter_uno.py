"""Run by tests/test_gabung.py with a Python that has `uno`: open a recap in LibreOffice Calc, list its
database ranges (the Excel tables), filter one table through its own filter, print what stays visible (JSON)."""

import json, sys, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.FilterOperator import EQUAL

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

src, pipe, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = None
for _ in range(300):
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
    except Exception:
        time.sleep(0.1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
out = {"sheets": list(doc.Sheets.ElementNames), "ranges": {}}
dbr = doc.DatabaseRanges
for name in dbr.ElementNames:
    r = dbr.getByName(name)
    a = r.DataArea
    out["ranges"][name] = {"autofilter": bool(r.AutoFilter), "sheet": a.Sheet, "rows": a.EndRow - a.StartRow + 1, "cols": a.EndColumn + 1}
# filter Rekap_OPD on its Predikat Instansi column through the table's own filter
sheet = doc.Sheets.getByName(sys.argv[4])
head = [sheet.getCellByPosition(c, 0).getString() for c in range(60)]
col = head.index(sys.argv[5])
name = [n for n in dbr.ElementNames if dbr.getByName(n).DataArea.Sheet == out["sheets"].index(sys.argv[4])][0]
r = dbr.getByName(name)
fd = r.getFilterDescriptor()
f = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
f.Field = col; f.Operator = EQUAL; f.IsNumeric = False; f.StringValue = sys.argv[6]
fd.FilterFields = (f,)
r.refresh()
a = r.DataArea
visible = [row for row in range(a.StartRow + 1, a.EndRow + 1) if sheet.getRows().getByIndex(row).IsVisible]
out["visible"] = [sheet.getCellByPosition(2, row).getString() for row in visible]
out["value_c2"] = sheet.getCellByPosition(col, 1).getString()
json.dump(out, open(out_path, "w"))
doc.close(True)
