"""Stubs generated from proto/declutter/v1/declutter.proto at build time."""
