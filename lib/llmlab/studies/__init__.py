"""The lessons' studies: measurements over many lines that a lesson first shows on one.

Each module serves one lesson's question (attention by hand, head roles, the copying circuit, where the
knowledge is, training cost, ...). They build on the engine and the toy world; they draw nothing.
"""
