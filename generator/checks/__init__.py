"""Step 3, check: the model and results checked against themselves (`validate`), typed mistakes, and readiness
against the evaluator's criteria (`periksa`).
"""
