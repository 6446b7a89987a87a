"""The base every step stands on: problems as data, numbers, the workbook contract, the typed model, table specs,
formatting, file names, the page, the operating system's refusals, XML-safe text.
"""
