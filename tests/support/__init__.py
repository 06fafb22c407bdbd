"""Test helpers that are not fixtures: random-weight model packages."""
