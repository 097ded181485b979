"""Injected faults: each dependency stopped or slowed for real, and what the platform does."""
