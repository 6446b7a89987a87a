"""Step 6, write: atomic output that never clobbers (`output`) and the PDF through LibreOffice (`pdf`).
"""
