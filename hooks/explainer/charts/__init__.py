"""Draw the charts of the data: shared geometry, the Plotly figure, the static SVG, each kind's
drawings (looked up in data/chartkinds.py) and what the chart() macro prints. Imports data/,
text/ and store/."""
