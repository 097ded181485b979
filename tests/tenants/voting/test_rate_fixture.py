"""The front end shows a rate with the same rounding as the server (rules.rate_percent).

Kept apart from the rules tests, which the mutation run copies alone: this one reads the front
end's fixture from the checkout."""

import json

from tenants.voting.rules import rate_percent
from tests.servers import ROOT


def test_the_front_end_fixture_holds_the_rates_this_function_shows() -> None:
    """frontend/tests/fixtures/rates.json is what the front end's ratePercent is checked against
    (frontend/tests/unit/rate.spec.ts): both sides show the same figure for the same inputs."""
    fixture = json.loads((ROOT / "frontend" / "tests" / "fixtures" / "rates.json").read_text())
    assert len(fixture["rates"]) > 800
    for part, whole, shown in fixture["rates"]:
        assert (part, whole, str(rate_percent(part, whole))) == (part, whole, shown)
