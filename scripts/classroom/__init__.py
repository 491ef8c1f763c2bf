"""The classroom bench: a JupyterHub on 127.0.0.1 and simulated learners driving it over HTTP and websockets."""
