"""Interactive views for the lessons, built on core ipywidgets only (no CDN JavaScript, no ipympl)."""
