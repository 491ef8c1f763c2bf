"""Every lesson's exercises; importing this package registers them all with llmlab.ui.checks."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
