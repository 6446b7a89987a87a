"""Step 4, report: the sentences (`narrate`), the tables as functions of the results (`tabel_kinerja`,
`tabel_anggaran`, `program_kinerja`), the template context (`context`), layout, charts, the organisation
chart, and staff text checked against the printed figures (`cek_teks`).
"""
