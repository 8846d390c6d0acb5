"""How text is written, for every part of the engine: numbers, amounts and dates per locale
(formatting.py, german.py), rich data text (richtext.py) and JSON inside HTML (jsonhtml.py).
Imports no other part of the engine."""
