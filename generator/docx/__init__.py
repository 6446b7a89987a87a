"""Step 5, docx: the template rendered (`render`), generated content put in (`finish`, `sections`, `ooxml`), the
package written deterministically (`docx_package`), cited table numbers (`rujukan`).
"""
