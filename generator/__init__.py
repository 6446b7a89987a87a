"""lkjip — turn the standard LKjIP Excel workbook into a finished Word report.

Flow, one module per step: reader (workbook -> model) -> validate -> compute ->
narrate -> context -> render; the CLI (`cli`) is a thin layer on top.
"""

__version__ = "0.1.0"
