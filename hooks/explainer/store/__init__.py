"""Files on disk: written whole or not at all (atomicfile.py), and drawings an earlier build made,
found again by a digest of their inputs and code (filecache.py). Imports no other part."""
