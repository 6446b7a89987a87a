"""Step 2, compute: every figure the report prints, once (`compute.hasil.compute` -> `Hasil`).
"""
