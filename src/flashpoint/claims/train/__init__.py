"""Training of the statement model (``make train-claims``); needs the ``train`` extra (torch).

Nothing here is imported at run time: the runtime reads the exported ONNX model through
``claims.model``. ``python -m flashpoint.claims.train`` runs the whole recipe.
"""
