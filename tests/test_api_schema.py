"""Property-based run of schemathesis against the OpenAPI schema: no input gives a 500.

Every operation (the writes included, with the token, on a throw-away copy of the hand-built
database) gets generated valid and invalid requests; the check is schemathesis'
``not_a_server_error`` plus our own: every non-2xx answer has the one error shape.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from test_api_support import TOKEN, build_db


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory):
    from flashpoint.api import create_app

    app = create_app(build_db(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"), token=TOKEN)
    app.state.db.open()  # the ASGI transport does not run the lifespan
    yield app
    app.state.db.close()


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_api_schema_no_server_error(fuzz_app, mode: str) -> None:
    """Each operation, ``max_examples`` generated cases per mode (valid, then invalid input).

    Driven through schemathesis' Python API with hypothesis' ``@given`` (its pytest plugin's
    ``from_fixture`` does not run under pytest 9).
    """
    from hypothesis import given
    from hypothesis.errors import Unsatisfiable
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        strategy = operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode))

        @given(case=strategy)
        @settings(
            max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def check(case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"ok", "error", "errors", "status"}
                assert body["ok"] is False and body["status"] == response.status_code

        try:
            check()
        except Unsatisfiable:
            # No invalid request exists for an operation without parameters (/api/health).
            assert mode == "negative" and not operation.query and not operation.body
