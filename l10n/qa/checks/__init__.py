"""The checks, one module per family; each lists its checks in ``CHECKS``."""
