"""`make site`: the lessons, executed, as a static HTML site that needs no network."""
