.PHONY: run test check mutation

# Install everything, migrate, load the demo city and start web, worker and beat.
run:
	@bash infra/local/run.sh

# Install everything and run every check and test (Python and front end).
test:
	@bash infra/local/test.sh

# Only the static checks (lint, types, migrations, OpenAPI, catalog).
check:
	@bash infra/local/check.sh

# Mutation testing of the pure rules (docs/mutation.md): each rules module's score, >= 95%.
mutation:
	@bash infra/local/mutation.sh
