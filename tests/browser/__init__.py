"""A real-browser harness for the notebooks: see harness.py."""
