"""The special characters German text on the site uses, spelled once for every test (and
independently of the engine's own constants in explainer/text/german.py, so that a wrong one there
fails a test)."""

NBSP = "\u00a0"  # between number and unit, day and month
NARROW = "\u202f"  # between number and %
MINUS = "\u2212"  # a true minus sign
