"""Loaded with `-p tests.mutation.hypothesis_profile` by the mutation check (docs/mutation.md):
the property tests draw the same examples on every run, so a mutant is killed or survives
whatever the run, and nothing is written to the example database inside the mutants' copy."""

from hypothesis import settings

settings.register_profile("mutation", derandomize=True, database=None, deadline=None)
settings.load_profile("mutation")
