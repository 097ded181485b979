"""Loaded with `-p tests.mutation.hypothesis_profile` by the mutation check (docs/mutation.md):
the property tests draw the same examples on every run, so a mutant is killed or survives
whatever the run, and nothing is written to the example database inside the mutants' copy.
Fewer examples than the normal run: every mutant runs the tests again, and the examples that
pin a rule are written out, not left to chance."""

from hypothesis import settings

settings.register_profile(
    "mutation", max_examples=25, derandomize=True, database=None, deadline=None
)
settings.load_profile("mutation")
